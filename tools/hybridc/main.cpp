//===- main.cpp - The hybridc command -------------------------------------===//
//
// Everything happens in the Driver; this only hands it the arguments.
//
//===----------------------------------------------------------------------===//
#include "hybridc/Driver/Driver.h"

#include <iostream>

int main(int argc, char **argv) { return hybridc::Driver(std::cout, std::cerr).run(argc, argv); }
