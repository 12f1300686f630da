#include "core/training/TensorBoardWriter.h"

#include <unistd.h>

#include <array>
#include <chrono>
#include <cstring>

#include "core/runtime/Error.h"

namespace distilbench {

namespace {
void varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}
void key(std::string& out, int field, int wire) {
    varint(out, (static_cast<std::uint64_t>(field) << 3) | wire);
}
void bytesField(std::string& out, int field, const std::string& bytes) {
    key(out, field, 2);
    varint(out, bytes.size());
    out += bytes;
}
template <typename T>
void fixed(std::string& out, T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.append(b, sizeof(T));
}
double now() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}
std::uint32_t masked(std::uint32_t crc) {
    return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}
}  // namespace

std::uint32_t TensorBoardWriter::crc32c(const std::string& data) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0x82F63B78u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : data) crc = table[(crc ^ c) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

TensorBoardWriter::TensorBoardWriter(const std::string& directory) {
    char host[256] = "localhost";
    gethostname(host, sizeof(host) - 1);
    path_ = directory + "/events.out.tfevents." + std::to_string(static_cast<long long>(now())) +
            "." + host + ".distilbench";
    out_.open(path_, std::ios::binary | std::ios::app);
    if (!out_) throw Error(path_, "cannot write the TensorBoard event file");
    std::string event;  // Event{wall_time=1, file_version=3}
    key(event, 1, 1);
    fixed(event, now());
    bytesField(event, 3, "brain.Event:2");
    writeRecord(event);
}

void TensorBoardWriter::scalar(const std::string& tag, double value, std::int64_t step) {
    std::string v;  // Summary.Value{tag=1, simple_value=2}
    bytesField(v, 1, tag);
    key(v, 2, 5);
    fixed(v, static_cast<float>(value));
    std::string summary;  // Summary{value=1}
    bytesField(summary, 1, v);
    std::string event;  // Event{wall_time=1, step=2, summary=5}
    key(event, 1, 1);
    fixed(event, now());
    key(event, 2, 0);
    varint(event, static_cast<std::uint64_t>(step));
    bytesField(event, 5, summary);
    writeRecord(event);
}

void TensorBoardWriter::writeRecord(const std::string& data) {
    std::string header;
    fixed(header, static_cast<std::uint64_t>(data.size()));
    std::string frame = header;
    fixed(frame, masked(crc32c(header)));
    frame += data;
    fixed(frame, masked(crc32c(data)));
    out_.write(frame.data(), static_cast<std::streamsize>(frame.size()));
}

void TensorBoardWriter::flush() {
    out_.flush();
}

}  // namespace distilbench
