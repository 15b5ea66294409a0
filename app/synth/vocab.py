"""Word lists for synthetic Vietnamese administrative documents: places, bodies, people, topics."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Locality:
    """A district-level unit with its province and a few of its wards or communes."""

    province: str  # "Thành phố Hà Nội"
    kind: str  # "quận" | "huyện" | "thành phố"
    name: str  # "Cầu Giấy"
    wards: tuple[str, ...]

    @property
    def ward_kind(self) -> str:
        return "xã" if self.kind == "huyện" else "phường"


LOCALITIES = (
    Locality("Thành phố Hà Nội", "quận", "Cầu Giấy",
             ("Dịch Vọng", "Dịch Vọng Hậu", "Nghĩa Đô", "Nghĩa Tân", "Quan Hoa", "Yên Hòa",
              "Trung Hòa", "Mai Dịch")),
    Locality("Thành phố Hà Nội", "quận", "Ba Đình",
             ("Điện Biên", "Đội Cấn", "Kim Mã", "Liễu Giai", "Ngọc Hà", "Cống Vị")),
    Locality("Thành phố Hà Nội", "quận", "Đống Đa",
             ("Văn Miếu", "Quốc Tử Giám", "Láng Thượng", "Ô Chợ Dừa", "Khâm Thiên")),
    Locality("Thành phố Hà Nội", "quận", "Hoàn Kiếm",
             ("Hàng Bạc", "Hàng Đào", "Tràng Tiền", "Lý Thái Tổ", "Cửa Đông")),
    Locality("Thành phố Hà Nội", "huyện", "Gia Lâm",
             ("Bát Tràng", "Đa Tốn", "Kim Sơn", "Phú Thị", "Dương Xá")),
    Locality("Thành phố Hà Nội", "huyện", "Sóc Sơn",
             ("Mai Đình", "Phù Linh", "Tiên Dược", "Minh Trí")),
    Locality("Thành phố Đà Nẵng", "quận", "Hải Châu",
             ("Thạch Thang", "Phước Ninh", "Bình Hiên", "Hòa Cường Bắc")),
    Locality("Thành phố Hải Phòng", "quận", "Lê Chân",
             ("An Biên", "Dư Hàng", "Niệm Nghĩa", "Trại Cau")),
    Locality("Thành phố Cần Thơ", "quận", "Ninh Kiều",
             ("Tân An", "An Hòa", "Xuân Khánh", "Hưng Lợi")),
    Locality("Tỉnh Nghệ An", "thành phố", "Vinh",
             ("Hưng Bình", "Lê Lợi", "Trường Thi", "Quang Trung")),
    Locality("Tỉnh Bắc Ninh", "thành phố", "Bắc Ninh",
             ("Suối Hoa", "Ninh Xá", "Vệ An", "Tiền An")),
    Locality("Tỉnh Thái Bình", "huyện", "Kiến Xương",
             ("Bình Nguyên", "Quang Trung", "Vũ Quý", "Thanh Tân")),
    Locality("Tỉnh Thừa Thiên Huế", "thành phố", "Huế",
             ("Phú Hội", "Vĩnh Ninh", "Thuận Thành", "Tây Lộc")),
)

FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh")
MIDDLE_NAMES = ("Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Hữu", "Ngọc", "Thu", "Hồng",
                "Xuân", "Thế", "Kim", "Mạnh", "Bích")
GIVEN_NAMES = ("Hùng", "Lan", "Hương", "Dũng", "Tuấn", "Hà", "Thắng", "Nam", "Hải", "Hạnh",
               "Phương", "Sơn", "Long", "Bình", "Quỳnh", "Thủy", "Cường", "Nga", "Hoa", "Đạt",
               "Trung", "Yến", "Huyền", "Khánh", "Việt", "Oanh")

# type_name -> (TT05 typeName code, abbreviation in the number, Party abbreviation)
DOC_TYPES: dict[str, tuple[str, str, str]] = {
    "NGHỊ QUYẾT": ("01", "NQ", "NQ"),
    "QUYẾT ĐỊNH": ("02", "QĐ", "QĐ"),
    "THÔNG BÁO": ("07", "TB", "TB"),
    "HƯỚNG DẪN": ("08", "HD", "HD"),
    "KẾ HOẠCH": ("10", "KH", "KH"),
    "BÁO CÁO": ("14", "BC", "BC"),
    "TỜ TRÌNH": ("15", "TTr", "TTr"),
    "BIÊN BẢN": ("20", "BB", "BB"),
    "CÔNG VĂN": ("22", "", "CV"),
    "GIẤY MỜI": ("26", "GM", "GM"),
}
# relative frequencies of the types in an archive box
TYPE_WEIGHTS: dict[str, float] = {
    "CÔNG VĂN": 0.24, "KẾ HOẠCH": 0.18, "BÁO CÁO": 0.16, "QUYẾT ĐỊNH": 0.12,
    "THÔNG BÁO": 0.1, "HƯỚNG DẪN": 0.05, "GIẤY MỜI": 0.06, "TỜ TRÌNH": 0.04,
    "BIÊN BẢN": 0.03, "NGHỊ QUYẾT": 0.02,
}

TOPICS = (
    "công tác số hóa tài liệu lưu trữ",
    "công tác văn thư, lưu trữ",
    "cuộc vận động Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
    "phong trào thi đua yêu nước",
    "công tác giám sát và phản biện xã hội",
    "công tác tiếp công dân",
    "cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam",
    "chương trình an sinh xã hội",
    "công tác vận động ủng hộ Quỹ Vì người nghèo",
    "công tác phòng, chống thiên tai",
    "hoạt động của Ban Thanh tra nhân dân",
    "công tác chuyển đổi số",
    "việc lấy ý kiến nhân dân về dự thảo văn bản",
    "công tác bảo đảm trật tự an toàn giao thông",
    "việc xây dựng khu dân cư văn minh",
    "công tác tổng kết, khen thưởng",
    "công tác cải cách hành chính",
    "công tác phòng, chống tham nhũng, lãng phí",
    "công tác chỉnh lý tài liệu tồn đọng",
    "việc lập hồ sơ điện tử và nộp lưu vào Lưu trữ cơ quan",
)
EVENTS = (
    "Ngày hội Đại đoàn kết toàn dân tộc",
    "Hội nghị tổng kết công tác Mặt trận",
    "Hội nghị hiệp thương giới thiệu người ứng cử",
    "Lễ kỷ niệm Ngày thành lập Mặt trận Tổ quốc Việt Nam",
    "Hội nghị đối thoại với nhân dân",
    "Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ",
    "Tháng cao điểm Vì người nghèo",
)
SUBJECTS: dict[str, tuple[str, ...]] = {
    "NGHỊ QUYẾT": ("Về {topic} năm {year}", "Về nhiệm vụ trọng tâm năm {year}"),
    "QUYẾT ĐỊNH": (
        "Về việc thành lập Tổ công tác thực hiện {topic}",
        "Về việc kiện toàn Ban Chỉ đạo {topic}",
        "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong {topic}",
        "Về việc ban hành Quy chế làm việc của Ban Thường trực",
    ),
    "THÔNG BÁO": (
        "Kết luận của Thường trực tại cuộc họp về {topic}",
        "Về việc tổ chức {event} năm {year}",
        "Lịch tiếp công dân tháng {month} năm {year}",
    ),
    "HƯỚNG DẪN": ("Thực hiện {topic} năm {year}", "Tổ chức {event} năm {year}"),
    "KẾ HOẠCH": (
        "Triển khai {topic} năm {year}",
        "Tổ chức {event} năm {year}",
        "Thực hiện {topic} giai đoạn {year} - {year5}",
    ),
    "BÁO CÁO": (
        "Kết quả {topic} năm {year}",
        "Sơ kết 6 tháng đầu năm {year} về {topic}",
        "Tình hình thực hiện {topic} quý {quarter} năm {year}",
    ),
    "TỜ TRÌNH": ("Đề nghị phê duyệt kinh phí thực hiện {topic} năm {year}",),
    "BIÊN BẢN": ("Họp Ban Thường trực về {topic}", "Kiểm tra {topic} năm {year}"),
    "CÔNG VĂN": (
        "đề nghị cung cấp hồ sơ, tài liệu về {topic}",
        "triển khai {topic} năm {year}",
        "báo cáo kết quả {topic} năm {year}",
        "góp ý dự thảo Kế hoạch {topic}",
    ),
    "GIẤY MỜI": ("Dự {event} năm {year}", "Dự Hội nghị sơ kết {topic}"),
}

ACTORS = (
    "Ban Thường trực", "Các ban chuyên môn", "Văn phòng cơ quan", "Các tổ chức thành viên",
    "Ban Công tác Mặt trận ở khu dân cư", "Cán bộ, công chức cơ quan", "Tổ công tác",
    "Ủy ban nhân dân các phường", "Bộ phận văn thư, lưu trữ", "Các đoàn thể chính trị - xã hội",
)
VERBS = (
    "chủ động phối hợp triển khai", "tổ chức quán triệt", "tăng cường kiểm tra, đôn đốc",
    "rà soát, thống kê", "xây dựng kế hoạch thực hiện", "tuyên truyền, vận động nhân dân tham gia",
    "tổng hợp, báo cáo kết quả", "bố trí kinh phí thực hiện", "lựa chọn, lập danh mục",
    "chỉnh lý, số hóa", "lập hồ sơ và nộp lưu", "theo dõi, đánh giá",
)
OBJECTS = (
    "{topic}", "các nội dung của kế hoạch", "hồ sơ, tài liệu có giá trị bảo quản vĩnh viễn",
    "tài liệu lưu trữ giai đoạn {y0} - {year}", "danh mục hồ sơ của cơ quan",
    "các mô hình, cách làm hay", "cơ sở dữ liệu tài liệu lưu trữ điện tử",
    "ý kiến, kiến nghị của cử tri và nhân dân", "trang thiết bị phục vụ công tác số hóa",
    "kết quả thực hiện các chỉ tiêu được giao",
)
MANNERS = (
    "đảm bảo đúng quy định", "bảo đảm tiến độ, chất lượng và hiệu quả",
    "trước ngày {deadline}", "theo đúng hướng dẫn của cấp trên",
    "gắn với thực hiện nhiệm vụ chính trị của địa phương",
    "phù hợp với điều kiện thực tế của đơn vị", "một cách thiết thực, tránh hình thức",
    "trong quý {quarter} năm {year}",
)
SENTENCES = (
    "{Actor} {verb} {object} {manner}.",
    "{Actor} {verb} {object}, {manner}.",
    "Qua đó góp phần nâng cao hiệu quả {topic}, đáp ứng yêu cầu khai thác, sử dụng tài liệu "
    "của cơ quan, tổ chức và cá nhân.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc đề nghị các đơn vị phản ánh về "
    "Văn phòng để tổng hợp, báo cáo xem xét, giải quyết.",
    "Năm {year}, toàn {area} đã tổ chức {count} hội nghị, thu hút {big} lượt người tham gia, "
    "đạt {pct}% so với kế hoạch.",
    "Tổng số hồ sơ đã được số hóa là {count} hồ sơ với {big} trang tài liệu.",
    "Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao năm {year} và các nguồn hợp pháp "
    "khác theo quy định.",
    "Tổ chức tốt các hoạt động hướng về cơ sở nhằm phát huy sức mạnh khối đại đoàn kết "
    "toàn dân tộc.",
    "Việc thực hiện {topic} phải bảo đảm an toàn thông tin, bí mật nhà nước và quyền lợi hợp "
    "pháp của công dân.",
    "Bên cạnh kết quả đạt được, vẫn còn một số tồn tại như việc phối hợp giữa các đơn vị có "
    "lúc chưa chặt chẽ, chế độ báo cáo chưa kịp thời.",
    "Nguyên nhân chủ yếu là do số lượng tài liệu tồn đọng lớn, cơ sở vật chất còn hạn chế.",
    "Đề nghị {Actor_lower} quan tâm chỉ đạo, tạo điều kiện để {topic} đạt kết quả tốt.",
    "Các khu dân cư đã vận động được {big} triệu đồng ủng hộ Quỹ Vì người nghèo, hỗ trợ xây "
    "mới và sửa chữa {count} nhà Đại đoàn kết.",
)
REFERENCES = (
    "Chương trình phối hợp số {n}/CTPH-MTTQ-UBND", "Kế hoạch số {n}/KH-UBND",
    "Công văn số {n}/UBND-VP", "Nghị quyết số {n}-NQ/TU", "Hướng dẫn số {n}-HD/MTTW-BTT",
    "Chỉ thị số {n}/CT-TTg", "Kế hoạch số {n}/KH-MTTQ-BTT",
)
HIGHER_BODIES = (
    "Ban Thường trực Ủy ban MTTQ Việt Nam {province}", "Ủy ban nhân dân {province}",
    "Thủ tướng Chính phủ", "Ban Thường vụ Thành ủy", "Ủy ban nhân dân {district}",
)
RECIPIENTS = (
    "Thường trực {district_party}", "Ủy ban nhân dân {district}", "Các tổ chức thành viên",
    "Ủy ban MTTQ các {ward_kind}", "Các ban chuyên môn", "Văn phòng cơ quan",
)
HEADINGS: dict[str, tuple[str, ...]] = {
    "KẾ HOẠCH": ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu",
                 "II. NỘI DUNG, THỜI GIAN THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN"),
    "BÁO CÁO": ("I. KẾT QUẢ THỰC HIỆN", "1. Công tác lãnh đạo, chỉ đạo", "2. Kết quả cụ thể",
                "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ",
                "IV. KIẾN NGHỊ, ĐỀ XUẤT"),
    "HƯỚNG DẪN": ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG HƯỚNG DẪN", "III. TỔ CHỨC THỰC HIỆN"),
    "NGHỊ QUYẾT": ("I. ĐÁNH GIÁ TÌNH HÌNH", "II. MỤC TIÊU, NHIỆM VỤ", "III. GIẢI PHÁP"),
}
