#pragma once

#include <cstdint>
#include <fstream>
#include <string>

namespace distilbench {

// Writes scalar summaries in TensorBoard's event-file format (TFRecord framing with masked
// CRC32C, tensorflow.Event protobufs), so `tensorboard --logdir RUN_DIR` shows a run.
class TensorBoardWriter {
public:
    explicit TensorBoardWriter(const std::string& directory);
    void scalar(const std::string& tag, double value, std::int64_t step);
    void flush();
    const std::string& path() const { return path_; }

    static std::uint32_t crc32c(const std::string& data);

private:
    void writeRecord(const std::string& data);
    std::string path_;
    std::ofstream out_;
};

}  // namespace distilbench
