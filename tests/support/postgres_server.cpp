#include "support/postgres_server.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace alignkiosk::test_support {

namespace fs = std::filesystem;

namespace {

const fs::path kBinaries = "/usr/lib/postgresql/15/bin";

// A port nobody listens on right now (the kernel's pick for port 0).
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0)
        throw std::runtime_error("cannot find a free loopback port");
    ::close(fd);
    return ntohs(address.sin_port);
}

// Runs a program (as the postgres user when we are root) and waits; its output goes to `log`.
int runAsServerUser(const std::vector<std::string>& arguments, const fs::path& log) {
    const bool root = ::geteuid() == 0;
    const passwd* user = root ? ::getpwnam("postgres") : nullptr;
    if (root && !user) throw std::runtime_error("no postgres user: install postgresql-15");
    const uid_t uid = root ? user->pw_uid : 0;
    const gid_t gid = root ? user->pw_gid : 0;
    const pid_t child = ::fork();
    if (child < 0) throw std::runtime_error("cannot fork");
    if (child == 0) {
        if (root && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)) ::_exit(126);
        const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (out >= 0) {
            ::dup2(out, 1);
            ::dup2(out, 2);
        }
        std::vector<char*> argv;
        for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0) {}
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct ConnectionCloser {
    void operator()(PGconn* conn) const { PQfinish(conn); }
};

// The server this process started itself (no ctest fixture), stopped at exit.
struct OwnServer {
    std::optional<PostgresServer> server;
    ~OwnServer() {
        if (server) server->stop();
    }
};

} // namespace

PostgresServer PostgresServer::start() {
    std::string pattern = (fs::temp_directory_path() / "alignkiosk-postgres-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    PostgresServer server;
    server.directory = pattern;
    if (::geteuid() == 0) {
        const passwd* user = ::getpwnam("postgres");
        if (!user)
            throw std::runtime_error("no postgres user: install postgresql-15 (install_debian_packages.sh)");
        if (::chown(server.directory.c_str(), user->pw_uid, user->pw_gid) != 0)
            throw std::runtime_error("cannot give " + server.directory.string() + " to the postgres user");
    }
    const fs::path log = server.directory / "server.log";
    const fs::path data = server.directory / "data";
    const auto failed = [&](const std::string& what) {
        const std::string text = readFile(log);
        fs::remove_all(server.directory);
        return std::runtime_error(what + "\n" + text);
    };
    if (runAsServerUser({(kBinaries / "initdb").string(), "-D", data.string(), "-U", "postgres", "--auth=trust",
                         "-E", "UTF8", "--locale=C", "--no-sync"},
                        log) != 0)
        throw failed("initdb failed");
    server.port = freePort();
    {
        std::ofstream conf(data / "postgresql.conf", std::ios::app);
        conf << "listen_addresses = '127.0.0.1'\nport = " << server.port << "\nunix_socket_directories = '"
             << server.directory.string() << "'\nmax_connections = 40\nshared_buffers = 16MB\n";
    }
    if (runAsServerUser({(kBinaries / "pg_ctl").string(), "-D", data.string(), "-l", log.string(), "-w", "-t", "60",
                         "start"},
                        log) != 0)
        throw failed("the test PostgreSQL server did not start");
    const std::string admin = "postgresql://postgres@127.0.0.1:" + std::to_string(server.port) + "/postgres";
    try {
        postgresQuery(admin, "CREATE DATABASE alignkiosk_test");
    } catch (const std::exception&) {
        server.stop();
        throw;
    }
    server.uri = "postgresql://postgres@127.0.0.1:" + std::to_string(server.port) + "/alignkiosk_test";
    return server;
}

void PostgresServer::restart() const {
    if (runAsServerUser({(kBinaries / "pg_ctl").string(), "-D", (directory / "data").string(), "-l",
                         (directory / "server.log").string(), "-m", "fast", "-w", "restart"},
                        directory / "server.log") != 0)
        throw std::runtime_error("the test PostgreSQL server did not restart\n" + readFile(directory / "server.log"));
}

void PostgresServer::stop() const {
    runAsServerUser({(kBinaries / "pg_ctl").string(), "-D", (directory / "data").string(), "-m", "immediate", "-w",
                     "stop"},
                    directory / "server.log");
    std::error_code ignored;
    fs::remove_all(directory, ignored);
}

std::string testPostgresUri() {
    if (const char* state = std::getenv("ALIGNKIOSK_TEST_POSTGRES")) {
        std::ifstream in(state);
        std::string directory, uri;
        if (std::getline(in, directory) && std::getline(in, uri) && !uri.empty()) return uri;
        throw std::runtime_error(std::string("ALIGNKIOSK_TEST_POSTGRES names ") + state +
                                 ", which holds no running server (did the postgres fixture start?)");
    }
    static std::mutex mutex;
    static OwnServer own;
    const std::lock_guard lock(mutex);
    if (!own.server) own.server = PostgresServer::start();
    return own.server->uri;
}

std::string freshPostgresStore() {
    const std::string uri = testPostgresUri();
    static std::mt19937_64 random{std::random_device{}()};
    std::ostringstream name;
    name << "store_" << std::hex << random() << std::dec << '_' << ::getpid();
    postgresQuery(uri, "CREATE SCHEMA " + name.str());
    return uri + "?options=-csearch_path%3D" + name.str();
}

std::string postgresQuery(const std::string& uri, const std::string& sql) {
    std::unique_ptr<PGconn, ConnectionCloser> conn(PQconnectdb(uri.c_str()));
    if (PQstatus(conn.get()) != CONNECTION_OK)
        throw std::runtime_error("cannot connect to " + uri + ": " + PQerrorMessage(conn.get()));
    PGresult* result = PQexec(conn.get(), sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    std::string value;
    if (status == PGRES_TUPLES_OK && PQntuples(result) > 0 && PQnfields(result) > 0) value = PQgetvalue(result, 0, 0);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw std::runtime_error(sql + ": " + PQerrorMessage(conn.get()));
    return value;
}

} // namespace alignkiosk::test_support
