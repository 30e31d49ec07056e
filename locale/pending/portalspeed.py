"""Translations of the msgids added by the helper `portalspeed` (issue 15)."""

T = {
    "This field is required.": "Trường này là bắt buộc.",
}
