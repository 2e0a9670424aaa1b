// The count and get functions of ABI 1.3's lists (alignkiosk_question_v2's options, alignkiosk_aggregate_v2's
// items, ...) over a std::vector member of the object the owning struct's host_data points to. A plugin calls them
// with the struct it was handed, on the UI thread; they never throw and return NULL past the end.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace alignkiosk::plugin_host::abi_list {

template <class Lists, class Element, std::vector<Element> Lists::*List, class Owner>
const std::vector<Element>* listOf(const Owner* owner) {
    if (!owner || !owner->host_data) return nullptr;
    return &(static_cast<const Lists*>(owner->host_data)->*List);
}

template <class Lists, class Element, std::vector<Element> Lists::*List, class Owner>
uint32_t count(const Owner* owner) {
    const std::vector<Element>* list = listOf<Lists, Element, List>(owner);
    if (!list) return 0;
    return static_cast<uint32_t>(std::min<size_t>(list->size(), std::numeric_limits<uint32_t>::max()));
}

template <class Lists, class Element, std::vector<Element> Lists::*List, class Owner>
const Element* get(const Owner* owner, uint32_t index) {
    const std::vector<Element>* list = listOf<Lists, Element, List>(owner);
    return list && index < list->size() ? &(*list)[index] : nullptr;
}

} // namespace alignkiosk::plugin_host::abi_list
