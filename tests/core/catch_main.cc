// The Catch2 main, compiled once into an object library (it takes ~18 s).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
