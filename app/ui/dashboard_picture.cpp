// Picture mode: the exports draw each view with the screen's own code, without what only a screen needs (see
// dashboard.h). Here: entering and leaving it, so the facilitator's view is as it was after an export.
#include "dashboard.h"

#include <utility>

namespace alignkiosk::ui {

void Dashboard::setPictureMode(bool on) {
    if (on == m_picture) return;
    m_picture = on;
    if (on) {
        m_viewBeforePicture = m_view;
        m_selectedBeforePicture = m_selected;
        m_selectedKeyBeforePicture = m_selectedKey;
        return;
    }
    m_view = m_viewBeforePicture;
    m_selectedKey = std::move(m_selectedKeyBeforePicture);
    // Found again by its key, in case the model changed meanwhile.
    m_selected.reset();
    for (std::size_t i = 0; i < m_model->ratedItems.size() && m_selectedBeforePicture; ++i)
        if (m_model->ratedItems[i].stepId + '\n' + m_model->ratedItems[i].questionId == m_selectedKey) m_selected = i;
    m_contentHeight = 0.0f;
}

} // namespace alignkiosk::ui
