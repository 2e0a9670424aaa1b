// The short texts of the collection protocol that cross the network or come from a person: the join code a laptop
// sends (Alignkiosk-Join-Code) and a person types, the --join target, and what a collector answers with the survey
// (Alignkiosk-Collection-Key, Alignkiosk-Collection-Id, Alignkiosk-Modules). The whole input goes to each reader.
// The promises: no crash, no exception but KeyError from the key reader, and what is accepted reads back the same
// from its own text.
#include "fuzz_check.h"

#include "collection/collection_keys.h"
#include "collection/join_address.h"
#include "collection/join_code.h"
#include "collection/module_versions.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace alignkiosk::collection;
    using alignkiosk::fuzz::brokenPromise;
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const JoinCodeParse code = parseJoinCode(text);
    if (code.ok()) {
        const JoinCodeParse again = parseJoinCode(code.code->text());
        if (!again.ok() || !again.code->matches(*code.code)) brokenPromise("a join code does not read back");
    } else if (code.error.empty()) {
        brokenPromise("a refused join code without a reason");
    }

    const JoinTargetParse target = parseJoinTarget(text);
    if (!target.ok() && target.error.empty()) brokenPromise("a refused --join target without a reason");
    if (target.ok() && target.target->endpoint && target.target->endpoint->port == 0)
        brokenPromise("a --join target with port 0");

    try {
        const CollectionPublicKey key = CollectionPublicKey::fromText(text);
        if (!(CollectionPublicKey::fromText(key.text()) == key)) brokenPromise("a public key does not read back");
    } catch (const KeyError&) {
    }

    if (const std::optional<CollectionId> id = CollectionId::fromText(text)) {
        const std::optional<CollectionId> again = CollectionId::fromText(id->text());
        if (!again || !(*again == *id)) brokenPromise("a collection id does not read back");
    }

    const ModuleVersionsParse versions = parseModuleVersions(text);
    if (versions.ok()) {
        if (parseModuleVersions(formatModuleVersions(*versions.versions)).versions != versions.versions)
            brokenPromise("module versions do not read back");
    } else if (versions.error.empty()) {
        brokenPromise("refused module versions without a reason");
    }
    return 0;
}
