// dlib's face detector, landmarks and descriptor network behind the C API in CDlibFaces.h.
// The network is the one in dlib's dnn_face_recognition_ex example (and face_recognition_models).
#include "CDlibFaces.h"

#include <dlib/dnn.h>
#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <mutex>
#include <string>
#include <vector>

namespace {
using namespace dlib;

template <template <int, template <typename> class, int, typename> class block, int N,
          template <typename> class BN, typename SUBNET>
using residual = add_prev1<block<N, BN, 1, tag1<SUBNET>>>;

template <template <int, template <typename> class, int, typename> class block, int N,
          template <typename> class BN, typename SUBNET>
using residual_down = add_prev2<avg_pool<2, 2, 2, 2, skip1<tag2<block<N, BN, 2, tag1<SUBNET>>>>>>;

template <int N, template <typename> class BN, int stride, typename SUBNET>
using block = BN<con<N, 3, 3, 1, 1, relu<BN<con<N, 3, 3, stride, stride, SUBNET>>>>>;

template <int N, typename SUBNET> using ares = relu<residual<block, N, affine, SUBNET>>;
template <int N, typename SUBNET> using ares_down = relu<residual_down<block, N, affine, SUBNET>>;

template <typename SUBNET> using alevel0 = ares_down<256, SUBNET>;
template <typename SUBNET> using alevel1 = ares<256, ares<256, ares_down<256, SUBNET>>>;
template <typename SUBNET> using alevel2 = ares<128, ares<128, ares_down<128, SUBNET>>>;
template <typename SUBNET> using alevel3 = ares<64, ares<64, ares<64, ares_down<64, SUBNET>>>>;
template <typename SUBNET> using alevel4 = ares<32, ares<32, ares<32, SUBNET>>>;

using anet_type = loss_metric<fc_no_bias<
    128, avg_pool_everything<alevel0<alevel1<alevel2<alevel3<alevel4<max_pool<
             3, 3, 2, 2, relu<affine<con<32, 7, 7, 2, 2, input_rgb_image_sized<150>>>>>>>>>>>>>;

void write_message(char *message, size_t capacity, const std::string &text) {
    if (message == nullptr || capacity == 0) return;
    size_t n = std::min(capacity - 1, text.size());
    std::memcpy(message, text.data(), n);
    message[n] = '\0';
}
}  // namespace

struct reel_faces {
    std::mutex lock;
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    dlib::shape_predictor landmarks;
    anet_type net;
};

extern "C" reel_faces *reel_faces_open(const char *shape_predictor_path, const char *recognition_model_path,
                                       char *message, size_t message_capacity) {
    reel_faces *faces = nullptr;
    try {
        faces = new reel_faces();
        dlib::deserialize(shape_predictor_path) >> faces->landmarks;
        dlib::deserialize(recognition_model_path) >> faces->net;
        return faces;
    } catch (const std::exception &error) {
        write_message(message, message_capacity, error.what());
    } catch (...) {
        write_message(message, message_capacity, "unknown error loading the dlib models");
    }
    delete faces;
    return nullptr;
}

extern "C" void reel_faces_close(reel_faces *faces) { delete faces; }

extern "C" int32_t reel_faces_describe(reel_faces *faces, const uint8_t *rgb, int32_t width, int32_t height,
                                       int32_t upsample, reel_face *out, int32_t capacity, char *message,
                                       size_t message_capacity) {
    if (faces == nullptr || rgb == nullptr || width <= 0 || height <= 0) {
        write_message(message, message_capacity, "no image or no face models");
        return -1;
    }
    try {
        std::lock_guard<std::mutex> guard(faces->lock);
        dlib::matrix<dlib::rgb_pixel> image(height, width);
        for (long y = 0; y < height; ++y) {
            const uint8_t *row = rgb + static_cast<size_t>(y) * width * 3;
            for (long x = 0; x < width; ++x) {
                image(y, x) = dlib::rgb_pixel(row[x * 3], row[x * 3 + 1], row[x * 3 + 2]);
            }
        }
        double scale = 1;
        for (int32_t i = 0; i < upsample; ++i) {
            dlib::pyramid_up(image);
            scale *= 2;
        }
        std::vector<dlib::rectangle> boxes = faces->detector(image);
        std::sort(boxes.begin(), boxes.end(),
                  [](const dlib::rectangle &a, const dlib::rectangle &b) { return a.area() > b.area(); });
        const int32_t kept = std::min<int32_t>(capacity, static_cast<int32_t>(boxes.size()));
        std::vector<dlib::matrix<dlib::rgb_pixel>> chips;
        for (int32_t i = 0; i < kept; ++i) {
            auto shape = faces->landmarks(image, boxes[i]);
            dlib::matrix<dlib::rgb_pixel> chip;
            dlib::extract_image_chip(image, dlib::get_face_chip_details(shape, 150, 0.25), chip);
            chips.push_back(std::move(chip));
        }
        std::vector<dlib::matrix<float, 0, 1>> descriptors;
        if (!chips.empty()) descriptors = faces->net(chips);
        for (int32_t i = 0; i < kept; ++i) {
            out[i].left = static_cast<int32_t>(boxes[i].left() / scale);
            out[i].top = static_cast<int32_t>(boxes[i].top() / scale);
            out[i].right = static_cast<int32_t>(boxes[i].right() / scale);
            out[i].bottom = static_cast<int32_t>(boxes[i].bottom() / scale);
            for (int k = 0; k < 128; ++k) out[i].descriptor[k] = descriptors[i](k);
        }
        return static_cast<int32_t>(boxes.size());
    } catch (const std::exception &error) {
        write_message(message, message_capacity, error.what());
    } catch (...) {
        write_message(message, message_capacity, "unknown error in the dlib face pipeline");
    }
    return -1;
}
