// plugin host implementation arrives with plugin_host.cpp
