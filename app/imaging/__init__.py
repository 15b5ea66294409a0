"""Page clean-up as pure functions on arrays: find the sheet, deskew, turn, flag."""

from app.imaging.analyse import analyse, clean
from app.imaging.warp import render, turn

__all__ = ["analyse", "clean", "render", "turn"]
