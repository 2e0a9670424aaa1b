// `alignkiosk collection-key`: the facilitator's store's collection public key, for stations in a room without a
// network (they seal their bundles to it). The store makes the key pair on first use and keeps the secret half in its
// settings; the public half is no secret, so it is printed or written like any text.
#include "commands.h"

#include "command_support.h"

#include "collection/store_keys.h"

#include <fstream>
#include <iostream>

namespace alignkiosk::platform {

int exportCollectionKey(const CommandLine& commandLine) {
    std::unique_ptr<core::AnswerStore> store = openStoreFor(commandLine);
    if (!store) return kStoreRefused;
    try {
        const collection::CollectionKeys keys = collection::collectionKeysOf(*store);
        const std::string text = keys.publicKey().text() + "\n";
        if (!commandLine.outFile) {
            std::cout << text;
            return 0;
        }
        std::ofstream out(*commandLine.outFile, std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            std::cerr << "alignkiosk: cannot write " << commandLine.outFile->string() << '\n';
            return 1;
        }
        std::cout << "wrote the public key of collection " << keys.id().text() << " to "
                  << commandLine.outFile->string() << "; give it to each station: alignkiosk bundle --collection-key "
                  << commandLine.outFile->string() << " ...\n";
    } catch (const std::exception& error) {
        std::cerr << "alignkiosk: " << error.what() << '\n';
        return 1;
    }
    return 0;
}

} // namespace alignkiosk::platform
