// openStore(): the store a command's --db names (answer_store.h).
#include "answer_store.h"
#include "postgres_store.h"
#include "response_store.h"

namespace alignkiosk::core {

std::unique_ptr<AnswerStore> openStore(const std::string& text, ResponseStoreOptions options) {
    if (isPostgresAddress(text)) return PostgresStore::open(text, std::move(options));
    return std::make_unique<ResponseStore>(ResponseStore::open(text, std::move(options)));
}

} // namespace alignkiosk::core
