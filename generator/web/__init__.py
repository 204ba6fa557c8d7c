"""The builder page served by `worksheet serve`: a Starlette app over the front door, one Project per folder."""
