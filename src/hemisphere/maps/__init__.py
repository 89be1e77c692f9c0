"""The maps layer: offline folium pages, the palette, each lesson's maps and the static charts."""
