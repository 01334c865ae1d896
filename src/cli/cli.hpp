#pragma once
// The `unknot` command line (CLI11): list, check, plan, run.

namespace unknot {

// Returns the process exit code: 0 success, 1 invalid routine files, 2 usage errors.
int runCli(int argc, char** argv);

} // namespace unknot
