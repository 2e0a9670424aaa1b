// summary.csv: every question of every step in one tidy table (one row per group x question x option or statistic),
// for slides and spreadsheets. Written from the DashboardModel, which holds only groups the anonymity rules allow, so
// a suppressed group cannot reach the file; open answers never do (only how many there are). The columns and the
// statistics per kind are documented once, in README.md ("summary.csv").
#pragma once

#include "dashboard_model.h"
#include "survey_model.h"

#include <ostream>
#include <string>
#include <string_view>

namespace alignkiosk::core {

// UTF-8's byte order mark, first in the file: without it a spreadsheet guesses the encoding and garbles "ä".
inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// The header line after the BOM, exactly.
inline constexpr const char* kSummaryCsvHeader =
    "survey,group,step,module,question_id,question_label,kind,option_id,option_label,statistic,value";

// The BOM and header, then the survey's questions in survey order, each with one block per shown group (everyone
// first, named `everyoneLabel` (the dashboard's word for it in the survey's language), then the teams as the model
// orders them). The header line and the statistic names stay as documented, whatever the language: programs read them. `survey` gives kinds and labels; a question
// the model holds no shown group for has no rows. Counts are integers, other numbers have 4 decimals and a '.'
// whatever the stream's locale; an undefined value (rwg for n < 2) is empty. Lines end in "\n"; fields are quoted as
// RFC 4180 says.
void writeSummaryCsv(const Survey& survey, const DashboardModel& model, std::ostream& out,
                     const std::string& everyoneLabel = kEveryoneLabel);

// One field as RFC 4180 writes it: as it is, or in double quotes with every double quote doubled.
std::string csvField(std::string_view text);

} // namespace alignkiosk::core
