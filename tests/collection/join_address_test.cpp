#include "collection/join_address.h"

#include <gtest/gtest.h>

namespace alignkiosk::collection {
namespace {

TEST(JoinAddressTest, ACodeAloneMeansDiscovery) {
    const JoinTargetParse parsed = parseJoinTarget(" k7q 2mx ");
    ASSERT_TRUE(parsed.ok()) << parsed.error;
    EXPECT_FALSE(parsed.target->endpoint);
    EXPECT_EQ(parsed.target->code.text(), "K7Q-2MX");
}

TEST(JoinAddressTest, HostsPortsAndCodesAreRead) {
    struct Case {
        const char* text;
        const char* host;
        HostKind kind;
        uint16_t port;
    };
    const Case cases[] = {
        {"192.168.1.20:8631/K7Q-2MX", "192.168.1.20", HostKind::Ipv4, 8631},
        {"127.0.0.1:1/k7q2mx", "127.0.0.1", HostKind::Ipv4, 1},
        {"[::1]:65535/K7Q-2MX", "::1", HostKind::Ipv6, 65535},
        {"[fe80::1%eth0]:8631/K7Q 2MX", "fe80::1%eth0", HostKind::Ipv6, 8631},
        {"[2001:db8::8a2e:370:7334]:80/K7Q-2MX", "2001:db8::8a2e:370:7334", HostKind::Ipv6, 80},
        {"facilitator.local:8631/K7Q-2MX", "facilitator.local", HostKind::Name, 8631},
        {"localhost:8631/K7Q-2MX", "localhost", HostKind::Name, 8631},
        {"my-laptop.example.org.:443/K7Q-2MX", "my-laptop.example.org.", HostKind::Name, 443},
    };
    for (const Case& c : cases) {
        const JoinTargetParse parsed = parseJoinTarget(c.text);
        ASSERT_TRUE(parsed.ok()) << c.text << ": " << parsed.error;
        ASSERT_TRUE(parsed.target->endpoint) << c.text;
        EXPECT_EQ(parsed.target->endpoint->host, c.host) << c.text;
        EXPECT_EQ(parsed.target->endpoint->kind, c.kind) << c.text;
        EXPECT_EQ(parsed.target->endpoint->port, c.port) << c.text;
        EXPECT_EQ(parsed.target->code.text(), "K7Q-2MX") << c.text;
    }
}

TEST(JoinAddressTest, MistakesAreNamed) {
    struct Case {
        const char* text;
        const char* says;
    };
    const Case cases[] = {
        {"/K7Q-2MX", "host and port are missing"},
        {"192.168.1.20/K7Q-2MX", "port is missing after '192.168.1.20'"},
        {"192.168.1.20:/K7Q-2MX", "port is missing after ':'"},
        {":8631/K7Q-2MX", "host is missing"},
        {"192.168.1.20:0/K7Q-2MX", "port '0' is not between 1 and 65535"},
        {"192.168.1.20:65536/K7Q-2MX", "port '65536' is not between 1 and 65535"},
        {"192.168.1.20:123456/K7Q-2MX", "port '123456' is not a number from 1 to 65535"},
        {"192.168.1.20:http/K7Q-2MX", "port 'http' is not a number"},
        {"192.168.1.20:-1/K7Q-2MX", "port '-1' is not a number"},
        {"192.168.1.256:8631/K7Q-2MX", "'192.168.1.256' is not an IPv4 address"},
        {"192.168.1:8631/K7Q-2MX", "'192.168.1' is not an IPv4 address"},
        {"::1:8631/K7Q-2MX", "an IPv6 address goes in brackets"},
        {"[::1:8631/K7Q-2MX", "has no closing ']'"},
        {"[::1]/K7Q-2MX", "port is missing after '[::1]'"},
        {"[::g]:8631/K7Q-2MX", "'::g' is not an IPv6 address"},
        {"[192.168.1.20]:8631/K7Q-2MX", "is not an IPv6 address"},
        {"[fe80::1%]:8631/K7Q-2MX", "zone that is not a network interface name"},
        {"bad_host:8631/K7Q-2MX", "host name 'bad_host' has a character other than"},
        {"-host:8631/K7Q-2MX", "starts or ends with '-'"},
        {"a..b:8631/K7Q-2MX", "empty part between dots"},
        {"192.168.1.20:8631/", "join code is missing after '/'"},
        {"192.168.1.20:8631/K7Q-2M", "has 5 letters and digits"},
        {"192.168.1.20:8631/K7Q-2MX/extra", "has '/'"},
        {"192.168.1.20:8631", "join code is missing"},
        {"facilitator.local", "join code is missing"},
    };
    for (const Case& c : cases) {
        const JoinTargetParse parsed = parseJoinTarget(c.text);
        ASSERT_FALSE(parsed.ok()) << c.text;
        EXPECT_NE(parsed.error.find(c.says), std::string::npos) << c.text << ": " << parsed.error;
    }
}

TEST(JoinAddressTest, LongHostNamesAreRefused) {
    const std::string label(64, 'a');
    EXPECT_NE(parseJoinTarget(label + ":80/K7Q-2MX").error.find("longer than 63"), std::string::npos);
    std::string name;
    for (int i = 0; i < 64; ++i) name += "abc.";
    EXPECT_NE(parseJoinTarget(name + "x:80/K7Q-2MX").error.find("longer than 253"), std::string::npos);
}

} // namespace
} // namespace alignkiosk::collection
