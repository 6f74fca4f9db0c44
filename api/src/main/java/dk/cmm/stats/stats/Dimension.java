package dk.cmm.stats.stats;

import dk.cmm.stats.codebook.CodeList;

/** A grouping dimension of one collection: the stored field it groups on and its code list, if it has one. */
public interface Dimension {

    String name();

    /** The document field holding the dimension's value. */
    String field();

    /** The codebook list of the dimension's codes; null for years, countries, programmes, cities, months. */
    CodeList codeList();
}
