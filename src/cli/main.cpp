// Unknot: guided recovery routines for runners. The command line decides what runs.
#include "cli/cli.hpp"

int main(int argc, char** argv) { return unknot::runCli(argc, argv); }
