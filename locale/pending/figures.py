# ruff: noqa: E501
T = {
    "Activities planned": "Số hoạt động kế hoạch",
    "Activities done": "Số hoạt động đã thực hiện",
    "Copies planned": "Số bản in kế hoạch",
    "Done under the plan (%)": "Thực hiện theo kế hoạch (%)",
    "Planned and done by activity type and unit, %(year)d": "Kế hoạch và thực hiện theo loại hoạt động và đơn vị, năm %(year)d",
    "How many activities; for a publication, how many copies.": "Số hoạt động; với ấn phẩm là số bản in.",
    "The plans of %(year)d planned %(planned)s activities; %(linked)s were carried out under them (%(rate)s), and %(unlinked)s more of the same types outside them.": "Kế hoạch năm %(year)d đề ra %(planned)s hoạt động; đã thực hiện %(linked)s hoạt động theo kế hoạch (đạt %(rate)s) và %(unlinked)s hoạt động cùng loại ngoài kế hoạch.",
    "The publications planned add up to %(copies)s copies.": "Các ấn phẩm theo kế hoạch có tổng cộng %(copies)s bản.",
    "Duration (minutes)": "Thời lượng (phút)",
    "Compliant weeks (%)": "Tỷ lệ tuần đạt (%)",
    "Compliant communes (%)": "Tỷ lệ xã đạt (%)",
}
