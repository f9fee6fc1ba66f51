// The Python programs the patterns show are templates in resources/python (one per pattern,
// read from Qt's resource system), filled in here with the run's values. A template is the
// program as it would be written, plus two things:
//   {{name}}           replaced by the value of `name`
//   {{#if name}} ... {{else}} ... {{/if}}
//                      on lines of their own: the lines between are kept when `name` is set
//                      to anything but "" (blocks nest)
// Unknown names are an error (an exception naming them), so a template and its pattern
// cannot drift apart silently.
#pragma once

#include "patterns/params.h"

#include <map>
#include <string>
#include <string_view>

namespace tasklane {

using TemplateValues = std::map<std::string, std::string>;

// Renders `text` with `values`. Throws std::runtime_error on an unknown name or an
// unbalanced block.
std::string renderTemplate(std::string_view text, const TemplateValues& values);

// What a task's work fills in: work, cpu, cpu_s, cpu_ms, io, io_s, io_ms, from the
// parameters cpu-ms, io-ms and time-scale (the pools' square/cube functions).
TemplateValues workTemplateValues(const Params& params);

// Renders the template resources/python/`name`.py. Throws std::runtime_error when it is
// missing.
std::string renderPythonTemplate(const std::string& name, const TemplateValues& values);

} // namespace tasklane
