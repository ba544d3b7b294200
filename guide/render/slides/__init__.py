"""The slide plan: a topic's slides measured and laid out, for any renderer to draw.

Format-neutral: boxes, sizes and positions in points, text runs and shapes with the colour
role they take from the theme, speaker notes. The PowerPoint writer draws it; nothing here
knows python-pptx or reportlab, and fonts are measured by whatever the caller hands in.
"""
