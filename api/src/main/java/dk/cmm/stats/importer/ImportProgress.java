package dk.cmm.stats.importer;

/** Told how far an import has come through each file, for a progress bar; the importer itself prints nothing. */
public interface ImportProgress {

    /** Does nothing. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void start(String task, long lines) {
        }

        @Override
        public void reached(long line) {
        }

        @Override
        public void finish() {
        }
    };

    /** A pass over one file begins (checking, or writing); the file has about this many lines. */
    void start(String task, long lines);

    /** The pass has read (or written) the file up to this line. */
    void reached(long line);

    /** The pass over the file is done. */
    void finish();
}
