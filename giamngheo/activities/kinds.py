"""The kinds of activity Circular 06/2022/TT-BTTTT lists, as seeded by migration 0002.

(code, Vietnamese name, group, plan type).  Names are data, in Vietnamese;
staff add or rename kinds in the admin afterwards.
"""

SEED_KINDS = [
    ("tin-bai", "Tin bài", "product", "news"),
    ("phong-su", "Phóng sự", "product", "report"),
    ("chuyen-trang-chuyen-muc", "Chuyên trang, chuyên mục", "product", "column"),
    ("an-pham", "Ấn phẩm", "product", "publication"),
    ("to-roi", "Tờ rơi", "product", "publication"),
    ("so-tay", "Sổ tay", "product", "publication"),
    ("video-clip", "Video clip", "product", "tv"),
    ("chuong-trinh-truyen-hinh", "Chương trình truyền hình", "product", "tv"),
    ("chuong-trinh-phat-thanh", "Chương trình phát thanh", "product", "radio"),
    ("bai-bao-in", "Bài báo in", "product", "news"),
    ("bai-dang-mang-xa-hoi", "Bài đăng mạng xã hội", "product", "news"),
    ("hop-dan", "Họp dân", "event", "event"),
    ("thong-tin-luu-dong", "Thông tin lưu động", "event", "event"),
    ("noi-chuyen-chuyen-de", "Nói chuyện chuyên đề với hộ nghèo", "event", "event"),
    ("su-kien", "Sự kiện", "event", "event"),
    ("hoi-thao", "Hội thảo", "event", "seminar"),
    ("hoi-nghi", "Hội nghị", "event", "seminar"),
    ("doi-thoai-chinh-sach", "Đối thoại chính sách", "event", "dialogue"),
    ("cuoc-thi", "Cuộc thi", "event", "contest"),
    ("tro-choi-truyen-hinh", "Trò chơi truyền hình", "product", "tv"),
    ("bieu-dien-san-khau", "Biểu diễn sân khấu", "event", "performance"),
    ("khac", "Khác", "product", "other"),
]
