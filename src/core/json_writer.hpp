#pragma once
// A minimal streaming JSON writer for the command line's --json output. toml++'s JSON
// formatter cannot express null, which the plan's "side" needs, hence this small piece of glue.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace unknot {

class JsonWriter {
  public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(std::size_t number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();

    [[nodiscard]] const std::string& str() const { return out_; }

  private:
    std::string out_;
    std::vector<bool> first_; // per open container: no element written yet
    bool afterKey_ = false;
    void separate();
};

[[nodiscard]] std::string jsonEscape(std::string_view text);

} // namespace unknot
