"""The interchange formats: one module per format with its reader and its writer side by side.

`registry` is the table of every format (read, written, or both) that the importer, the
exporter, the command line and the window read. A format module reads files into annotation
documents (`ingest.annotation_model`) and writes export items (`export.selection`) to files
(`export.atomic`); storing what was read is `ingest.annotations`' job, choosing what to write
`export.selection`'s. Nothing here imports a format module on `import annotator.formats`.
"""
