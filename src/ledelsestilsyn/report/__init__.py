"""`tilsyn rapport`: statistics (aggregate, stats, calibration), disclosure control
(suppress), the display model (view), SVG charts (charts) and rendering (render)."""
