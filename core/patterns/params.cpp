#include "patterns/params.h"

namespace tasklane {

long long Params::integer(const std::string& name) const {
    const ParamValue& v = values_.at(name);
    if (const auto* d = std::get_if<double>(&v))
        return static_cast<long long>(*d);
    return std::get<long long>(v);
}

double Params::number(const std::string& name) const {
    const ParamValue& v = values_.at(name);
    if (const auto* i = std::get_if<long long>(&v))
        return double(*i);
    return std::get<double>(v);
}

const std::string& Params::text(const std::string& name) const {
    return std::get<std::string>(values_.at(name));
}

const std::vector<long long>& Params::list(const std::string& name) const {
    return std::get<std::vector<long long>>(values_.at(name));
}

} // namespace tasklane
