#!/usr/bin/env python3
"""PNG screenshots for the dashboard suite, read with tests/chart/pngstat.py
(standard library only).

    tests/dashboard/pngdiff.py stat FILE.png
    -> width=414 height=301 colours=235 ink=0.0712
       ink: the share of pixels that differ from the most common colour (the
       background of the card the drawing sits on, which need not be white)
    tests/dashboard/pngdiff.py diff A.png B.png
    -> a=1280x2100 b=1280x2100 differing=37
       the number of pixels whose colour differs by more than 48 in some
       channel (every pixel, when the sizes differ): antialiasing and font
       hinting can move a few pixels between renderings, so bytes are not
       compared
"""
import collections
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "chart"))
from pngstat import read_png  # noqa: E402


def pixels(rows, channels):
    for row in rows:
        for x in range(0, len(row), channels):
            yield row[x], row[x + 1], row[x + 2]


def stat(path):
    width, height, channels, rows = read_png(path)
    counts = collections.Counter(pixels(rows, channels))
    background = counts.most_common(1)[0][1]
    print("width=%d height=%d colours=%d ink=%.4f"
          % (width, height, len(counts), 1 - background / float(width * height)))


def diff(path_a, path_b):
    wa, ha, ca, ra = read_png(path_a)
    wb, hb, cb, rb = read_png(path_b)
    differing = max(wa * ha, wb * hb)
    if (wa, ha) == (wb, hb):
        differing = 0
        for a, b in zip(pixels(ra, ca), pixels(rb, cb)):
            if abs(a[0] - b[0]) > 48 or abs(a[1] - b[1]) > 48 or abs(a[2] - b[2]) > 48:
                differing += 1
    print("a=%dx%d b=%dx%d differing=%d" % (wa, ha, wb, hb, differing))


if __name__ == "__main__":
    if sys.argv[1] == "stat":
        stat(sys.argv[2])
    else:
        diff(sys.argv[2], sys.argv[3])
