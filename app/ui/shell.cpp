// ui implementation arrives with shell.cpp
