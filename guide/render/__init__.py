"""Renderers: each turns a Topic and a resolved Theme into the bytes of one kind of file."""
