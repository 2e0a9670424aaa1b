#include <alignkiosk/plugin.hpp>

namespace {
std::vector<alignkiosk::sdk::ModuleDefinition> definitions() { return {}; }
} // namespace

ALIGNKIOSK_PLUGIN(definitions);
