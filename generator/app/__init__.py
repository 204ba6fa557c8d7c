"""The application: the front door every caller uses (pipeline), and what is built on it: batches, files
written atomically, project listings and checks, page previews."""
