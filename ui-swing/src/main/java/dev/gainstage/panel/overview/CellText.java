package dev.gainstage.panel.overview;

/** What a cell shows as text at the overview's current width: its name line and its readouts (no input on a source). */
public record CellText(String name, String delta, Readout input, Readout output) {}
