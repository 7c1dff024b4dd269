#include "core/demo/vietnamesenames.h"

#include <initializer_list>
#include <utility>

namespace VinhDanh::Core::Demo {

namespace {

// Every literal below is written precomposed; build() normalises to NFC all the same, so a
// decomposed character slipping in through an editor can never reach the database.
QString nfc(const char16_t *text)
{
    return QString::fromUtf16(text).normalized(QString::NormalizationForm_C);
}

QStringList plain(std::initializer_list<const char16_t *> items)
{
    QStringList out;
    out.reserve(int(items.size()));
    for (const char16_t *item : items)
        out << nfc(item);
    return out;
}

/// Expands (name, weight) pairs into a list where each name appears `weight` times, so a
/// uniform pick from the list follows the weights.
QStringList weighted(std::initializer_list<std::pair<const char16_t *, int>> items)
{
    QStringList out;
    for (const auto &[item, weight] : items) {
        const QString name = nfc(item);
        for (int i = 0; i < weight; ++i)
            out << name;
    }
    return out;
}

NameParts build()
{
    NameParts p;
    // Weights in half-percent steps (200 entries in all). Nguyễn is close to four in ten, as in
    // the usual surveys of Vietnamese family names; the long tail is spread thinly.
    p.familyNames = weighted({
        {u"Nguyễn", 76}, {u"Trần", 22}, {u"Lê", 19},   {u"Phạm", 14}, {u"Hoàng", 6}, {u"Huỳnh", 4}, {u"Phan", 8},  {u"Vũ", 6},
        {u"Võ", 6},      {u"Đặng", 4},  {u"Bùi", 4},   {u"Đỗ", 4},    {u"Hồ", 3},    {u"Ngô", 3},   {u"Dương", 2}, {u"Lý", 1},
        {u"Đinh", 2},    {u"Trịnh", 2}, {u"Đào", 2},   {u"Mai", 1},   {u"Lương", 1}, {u"Hà", 1},    {u"Cao", 1},   {u"Lâm", 1},
        {u"Chu", 1},     {u"Tô", 1},    {u"Phùng", 1}, {u"Lưu", 1},   {u"Kiều", 1},  {u"Thái", 1},  {u"Tạ", 1},    {u"Triệu", 1},
    });

    // Văn and Thị dominate, especially among people born before 1985; the rest are the
    // common modern middle names.
    p.maleMiddleNames = weighted({
        {u"Văn", 14}, {u"Hữu", 3},  {u"Đức", 4},   {u"Minh", 4}, {u"Quang", 3}, {u"Công", 2},  {u"Thành", 2}, {u"Xuân", 2},
        {u"Ngọc", 2}, {u"Tuấn", 1}, {u"Anh", 1},   {u"Duy", 2},  {u"Quốc", 2},  {u"Trọng", 2}, {u"Hoàng", 1}, {u"Gia", 1},
        {u"Đình", 3}, {u"Mạnh", 1}, {u"Thanh", 2}, {u"Bá", 1},   {u"Tiến", 1},  {u"Trung", 1},
    });
    p.femaleMiddleNames = weighted({
        {u"Thị", 16},
        {u"Ngọc", 3},
        {u"Thu", 3},
        {u"Thanh", 3},
        {u"Minh", 2},
        {u"Phương", 2},
        {u"Kim", 2},
        {u"Hồng", 2},
        {u"Bảo", 1},
        {u"Khánh", 1},
        {u"Mai", 1},
        {u"Diệu", 1},
        {u"Thùy", 2},
        {u"Hải", 1},
        {u"Quỳnh", 1},
        {u"Lan", 1},
        {u"Hoài", 1},
        {u"Bích", 1},
    });

    p.maleGivenNames = plain({
        u"An",   u"Anh",   u"Bảo",   u"Bình", u"Cường", u"Chiến", u"Công", u"Dũng",  u"Duy",   u"Dương", u"Đạt",   u"Đông",
        u"Đức",  u"Giang", u"Hải",   u"Hiếu", u"Hiệp",  u"Hoàng", u"Hòa",  u"Hùng",  u"Huy",   u"Hưng",  u"Khang", u"Khánh",
        u"Khoa", u"Khôi",  u"Kiên",  u"Lâm",  u"Lộc",   u"Long",  u"Lực",  u"Minh",  u"Nam",   u"Nghĩa", u"Nhân",  u"Phong",
        u"Phúc", u"Quân",  u"Quang", u"Quý",  u"Sơn",   u"Tài",   u"Tâm",  u"Thắng", u"Thành", u"Thanh", u"Thịnh", u"Tiến",
        u"Toàn", u"Trí",   u"Trung", u"Tuấn", u"Tùng",  u"Việt",  u"Vinh", u"Vũ",
    });
    p.femaleGivenNames = plain({
        u"An",   u"Anh", u"Ánh",  u"Châu",  u"Chi",   u"Diệp",  u"Dung", u"Duyên",  u"Giang", u"Hà",    u"Hạnh", u"Hằng",
        u"Hiền", u"Hoa", u"Huệ",  u"Hương", u"Hường", u"Huyền", u"Lan",  u"Liên",   u"Linh",  u"Loan",  u"Ly",   u"Mai",
        u"My",   u"Nga", u"Ngân", u"Ngọc",  u"Nhung", u"Nhi",   u"Oanh", u"Phương", u"Quyên", u"Quỳnh", u"Tâm",  u"Thảo",
        u"Thơ",  u"Thu", u"Thủy", u"Thúy",  u"Trang", u"Trâm",  u"Uyên", u"Vân",    u"Vy",    u"Xuân",  u"Yến",  u"Hồng",
    });

    // Two-syllable names of the kind communes, wards and firms carry: auspicious Sino-Vietnamese
    // pairs and the names of historical figures that wards are often named after.
    p.placeNames = plain({
        u"Tân An",       u"Tân Phong",      u"Tân Thành",     u"Tân Hòa",     u"Tân Lập",     u"Tân Tiến",    u"Phú Lợi",
        u"Phú Hòa",      u"Phú Mỹ",         u"Phú Thịnh",     u"Phú Xuân",    u"Phú Lâm",     u"Hòa Bình",    u"Hòa Lạc",
        u"Hòa Hiệp",     u"Hòa Khánh",      u"An Bình",       u"An Khánh",    u"An Phú",      u"An Thịnh",    u"An Lạc",
        u"An Hải",       u"Bình Minh",      u"Bình An",       u"Bình Định",   u"Bình Thuận",  u"Đông Hưng",   u"Đông Sơn",
        u"Đông Hải",     u"Đông Thành",     u"Tây Sơn",       u"Tây Hồ",      u"Nam Sơn",     u"Nam Thành",   u"Bắc Sơn",
        u"Bắc Hà",       u"Quang Trung",    u"Minh Khai",     u"Lê Lợi",      u"Lê Đại Hành", u"Trần Phú",    u"Nguyễn Trãi",
        u"Hai Bà Trưng", u"Lý Thường Kiệt", u"Trần Hưng Đạo", u"Ngọc Lâm",    u"Ngọc Sơn",    u"Kim Sơn",     u"Kim Liên",
        u"Yên Thế",      u"Yên Lạc",        u"Yên Phong",     u"Yên Mỹ",      u"Vĩnh Hưng",   u"Vĩnh Lộc",    u"Vĩnh Thạnh",
        u"Vĩnh Phước",   u"Thanh Xuân",     u"Thanh Hà",      u"Thanh Sơn",   u"Thanh Bình",  u"Xuân Phương", u"Xuân Lộc",
        u"Xuân Hòa",     u"Xuân Trường",    u"Phước Long",    u"Phước Hải",   u"Long Hải",    u"Long Hưng",   u"Long Biên",
        u"Hải An",       u"Hải Thành",      u"Hưng Đạo",      u"Hưng Long",   u"Thái Hòa",    u"Thái Bình",   u"Thái Học",
        u"Đức Thắng",    u"Đức Long",       u"Hiệp Hòa",      u"Hiệp Thành",  u"Lạc Long",    u"Lạc Sơn",     u"Sơn Tây",
        u"Sơn Thủy",     u"Trung Hòa",      u"Trung Sơn",     u"Cẩm Bình",    u"Cẩm Thủy",    u"Hồng Phong",  u"Hồng Hà",
        u"Thạch Bàn",    u"Thạch Thất",     u"Quảng Phú",     u"Quảng Thành", u"Định Công",   u"Định Hòa",    u"Thuận An",
        u"Thuận Thành",  u"Thịnh Liệt",     u"Mỹ Đình",       u"Mỹ Phước",    u"Cát Linh",    u"Đại Mỗ",      u"Đại Đồng",
        u"Chánh Hiệp",   u"Hiệp Bình",      u"Phù Đổng",      u"Văn Lang",    u"Lam Sơn",     u"Hoằng Hóa",   u"Nghi Sơn",
        u"Thọ Xuân",     u"Ngọc Lặc",       u"Kỳ Anh",        u"Hương Sơn",   u"Cửa Lò",      u"Hàm Rồng",    u"Đông Vệ",
        u"Quảng Xương",
    });
    return p;
}

} // namespace

const NameParts &nameParts()
{
    static const NameParts parts = build();
    return parts;
}

} // namespace VinhDanh::Core::Demo
