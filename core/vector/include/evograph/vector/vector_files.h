#pragma once
// Vectors on disk in the formats ANN benchmarks and NumPy use: .fvecs (each vector an int32
// dimension then that many float32s; .ivecs the same with int32s, for ground truth) and .npy
// (a float32 array in C order, one vector a row; a 1-d array is one vector). The extension
// decides. Errors name the file and, where there is one, the vector: "FILE: error: vector 3 has
// dimension 12, the file's first has 384".
#include "evograph/vector/vectors.h"

#include <cstdint>
#include <string>
#include <vector>

namespace evograph::vector {

VectorSet readVectors(const std::string& path);
void writeVectors(const std::string& path, const VectorSet& vectors); // atomically
std::vector<std::vector<std::int32_t>> readIvecs(const std::string& path);
void writeIvecs(const std::string& path, const std::vector<std::vector<std::int32_t>>& rows);

} // namespace evograph::vector
