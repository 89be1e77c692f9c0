"""Status colours stay distinguishable for colour-blind readers, and never carry meaning alone."""

import itertools

import numpy as np
import pytest

from hemisphere.maps.palette import EVENT_CATEGORY_STYLES, OKABE_ITO, POSITION_STYLES, STATUS_STYLES, TERRITORY_STYLE

# Machado, Oliveira & Fernandes (2009), full-severity simulation matrices, applied to linear RGB.
SIMULATIONS = {
    "normal vision": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
#: CIE76 colour difference below which two flat colours are easily confused on a projector.
MIN_DELTA_E = 15


def to_lab(hex_colour: str, simulation: np.ndarray) -> np.ndarray:
    srgb = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    linear = np.clip(simulation @ linear, 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > 216 / 24389, np.cbrt(t), (24389 / 27 * t + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


#: Every categorical map's styles: each must work on its own, with territories beside it.
MAP_STYLES = {"status": STATUS_STYLES, "position": POSITION_STYLES}


@pytest.mark.parametrize("styles", MAP_STYLES)
@pytest.mark.parametrize("vision", SIMULATIONS)
def test_every_pair_of_map_colours_stays_distinguishable(vision, styles):
    colours = {key: style.colour for key, style in MAP_STYLES[styles].items()}
    colours["territory"] = TERRITORY_STYLE.colour
    for (a, colour_a), (b, colour_b) in itertools.combinations(colours.items(), 2):
        distance = np.linalg.norm(to_lab(colour_a, SIMULATIONS[vision]) - to_lab(colour_b, SIMULATIONS[vision]))
        assert distance >= MIN_DELTA_E, f"{a} and {b} differ by only {distance:.1f} under {vision}"


def test_the_simulation_does_confuse_red_and_green_as_it_should():
    """Guard against a simulation that changes nothing: pure red and green merge under deuteranopia."""
    red_green = np.linalg.norm(to_lab("#FF0000", SIMULATIONS["deuteranopia"]) - to_lab("#00A000", SIMULATIONS["deuteranopia"]))
    assert red_green < MIN_DELTA_E


@pytest.mark.parametrize("styles", MAP_STYLES)
def test_every_map_category_has_its_own_pattern_as_a_second_cue(styles):
    patterns = [style.pattern for style in MAP_STYLES[styles].values()]
    assert len(set(patterns)) == len(patterns)


def test_every_event_category_has_its_own_colour_and_shape_pair():
    pairs = [(style.colour, style.shape) for style in EVENT_CATEGORY_STYLES.values()]
    assert len(set(pairs)) == len(pairs)


def test_colours_come_from_okabe_ito_or_neutral_greys():
    allowed = set(OKABE_ITO.values())
    for style in [*STATUS_STYLES.values(), *POSITION_STYLES.values(), *EVENT_CATEGORY_STYLES.values()]:
        r, g, b = (int(style.colour[i:i + 2], 16) for i in (1, 3, 5))
        assert style.colour in allowed or r == g == b
