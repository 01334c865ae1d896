#pragma once
// A single-producer single-consumer ring of trivially copyable items: how the UI thread and
// the audio callback talk without locks. Never blocks, never allocates after construction.

#include <array>
#include <atomic>
#include <cstddef>
#include <type_traits>

namespace unknot {

template <class T, std::size_t Capacity> class SpscRing {
    static_assert(std::is_trivially_copyable_v<T>, "items are copied across threads");
    static_assert((Capacity & (Capacity - 1)) == 0, "capacity must be a power of two");

  public:
    // Producer side. False when full (the item is dropped).
    bool push(const T& item) {
        const std::size_t head = head_.load(std::memory_order_relaxed);
        if (head - tail_.load(std::memory_order_acquire) == Capacity) return false;
        items_[head & (Capacity - 1)] = item;
        head_.store(head + 1, std::memory_order_release);
        return true;
    }

    // Consumer side. False when empty.
    bool pop(T& out) {
        const std::size_t tail = tail_.load(std::memory_order_relaxed);
        if (tail == head_.load(std::memory_order_acquire)) return false;
        out = items_[tail & (Capacity - 1)];
        tail_.store(tail + 1, std::memory_order_release);
        return true;
    }

  private:
    std::array<T, Capacity> items_{};
    alignas(64) std::atomic<std::size_t> head_{0};
    alignas(64) std::atomic<std::size_t> tail_{0};
};

} // namespace unknot
