/// The words the credit detector knows: agency names and their canonical forms, words that
/// mark a name as a news outlet, and words that can never start or be a credited name.
///
/// All entries are lower-case; lookups fold the text first.
enum CreditVocabulary {
    /// Spellings of well-known agencies (lower-case, white space collapsed, no leading "the")
    /// and the one name each is reported under.
    static let agencies: [String: String] = {
        let groups: [(String, [String])] = [
            ("Associated Press", ["ap", "associated press", "the associated press"]),
            ("Reuters", ["reuters", "thomson reuters"]),
            ("AFP", ["afp", "agence france-presse", "agence france presse", "agence france–presse"]),
            ("dpa", ["dpa", "deutsche presse-agentur", "deutsche presse agentur"]),
            ("PTI", ["pti", "press trust of india"]),
            ("ANI", ["ani", "asian news international"]),
            ("IANS", ["ians", "indo-asian news service", "indo asian news service"]),
            ("Xinhua", ["xinhua", "xinhua news agency"]),
            ("TASS", ["tass", "itar-tass"]),
            ("Anadolu", ["anadolu", "anadolu agency", "anadolu ajansı", "anadolu ajansi", "aa"]),
            ("Kyodo", ["kyodo", "kyodo news"]),
            ("Yonhap", ["yonhap", "yonhap news agency", "yonhap news"]),
            ("EFE", ["efe", "agencia efe"]),
            ("ANSA", ["ansa"]),
            ("UPI", ["upi", "united press international"]),
            ("Bloomberg", ["bloomberg", "bloomberg news"]),
            ("Agencies", ["agencies", "news agencies", "wire services", "agency reports"]),
        ]
        var table: [String: String] = [:]
        for (canonical, spellings) in groups {
            for spelling in spellings { table[spelling] = canonical }
        }
        return table
    }()

    /// Outlets that are widely credited by name but whose names carry no media word.
    static let knownOutlets: Set<String> = [
        "al jazeera", "al arabiya", "rt", "sputnik", "interfax", "ria", "ria novosti", "kommersant",
        "izvestia", "vedomosti", "stern", "der spiegel", "spiegel", "bild", "die zeit", "le monde",
        "le figaro", "libération", "el país", "el mundo", "la repubblica", "corriere della sera",
        "haaretz", "ynet", "politico", "axios", "cgtn", "nhk", "semafor", "vice", "vox", "quartz",
        "wafa", "irna", "isna", "fars", "mehr", "bernama", "antara", "yle", "nos", "orf", "srf",
        "rai", "kathimerini", "hürriyet", "dawn", "xinhua", "pravda", "kuna", "wam", "spa",
        "bss", "app", "uni", "pna", "mena", "petra", "qna", "sana", "unb", "apa", "ukrinform",
        "unian", "belta", "kazinform", "azertac", "cna", "vna", "tap", "aps", "nan", "ina",
        "ips", "efe", "ansa", "kyodo", "jiji", "yonhap", "anadolu", "ap", "dha", "iha",
    ]

    /// Acronyms of broadcasters and papers that are credited by their acronym alone.
    static let outletAcronyms: Set<String> = [
        "bbc", "cnn", "rt", "npr", "pbs", "cbs", "nbc", "abc", "itv", "dw", "rfi", "rfe", "voa",
        "nhk", "kbs", "cctv", "ard", "zdf", "wsj", "nyt", "ft", "sky", "cbc", "rte", "sbs", "rai",
        "msnbc", "cnbc", "tvn", "ndtv", "bfm", "lbc",
    ]

    /// Words that make a name an outlet's ("Meridian Press Agency", "The Sunday Beacon").
    static let mediaWords: Set<String> = [
        "press", "news", "newswire", "wire", "wires", "times", "post",
        "tribune", "herald", "gazette", "journal", "chronicle", "telegraph", "guardian", "observer",
        "mail", "express", "standard", "independent", "mirror", "examiner", "advertiser",
        "sentinel", "recorder", "register", "beacon", "courier", "dispatch", "inquirer", "globe",
        "monitor", "bulletin", "digest", "daily", "weekly", "magazine", "radio", "tv", "television",
        "channel", "broadcasting", "broadcast", "network", "media", "fm", "online", "today",
        "insider", "star", "sun", "review", "column", "newsdesk", "newspaper", "reporter",
        "informer", "record", "leader", "argus", "pioneer", "statesman", "citizen", "voice",
    ]

    /// Parts of run-together outlet names ("NewsLink", "HeadlineHub", "DailyDigestHQ").
    static let mediaAffixes: [String] = [
        "news", "wire", "press", "daily", "media", "post", "times", "headline", "digest",
    ]

    /// Lower-case words that may follow a credited name to describe it: "TASS state news
    /// agency", "the Kommersant newspaper".
    static let descriptors: Set<String> = [
        "news", "agency", "state", "state-run", "state-owned", "state-controlled", "official",
        "newspaper", "paper", "daily", "broadcaster", "channel", "television", "tv", "radio",
        "website", "site", "outlet", "network", "service", "magazine", "wire", "weekly",
        "tabloid", "portal", "correspondent", "reporter", "journalist", "newswire",
    ]

    /// Words after a credited name that show it ended a noun phrase (rather than being an
    /// adjective, as "Ukrainian" in "according to Ukrainian information").
    static let functionWords: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "there", "here", "which", "who",
        "whom", "whose", "what", "when", "where", "while", "as", "at", "on", "in", "of", "for",
        "from", "to", "with", "by", "and", "or", "but", "nor", "so", "yet", "than", "then", "also",
        "is", "was", "were", "are", "be", "been", "has", "had", "have", "will", "would", "could",
        "should", "may", "might", "can", "did", "does", "do", "not", "it", "its", "he", "she",
        "they", "we", "his", "her", "their", "about", "after", "before", "since", "until", "over",
        "under", "into", "onto", "upon", "during", "amid", "among", "if", "because", "though",
        "although", "however", "including", "citing", "quoting", "said", "says", "reported",
        "reports", "added", "adding", "noted", "wrote", "earlier", "later", "last", "late",
        "yesterday", "today", "tonight", "overnight", "previously", "too", "reporting",
    ]

    /// Words after "X reported" or "X said" that end the clause, so that X is the one
    /// reporting rather than the subject of a longer sentence ("Russia reported other drone
    /// attacks").
    static let clauseFollowers: Set<String> = [
        "that", "on", "in", "earlier", "late", "last", "this", "yesterday", "today", "tonight",
        "overnight", "citing", "quoting", "previously", "first", "recently", "as", "while", "and",
        "but", "when", "after", "—",
    ]

    /// Helper words that may stand between a name and "reported": "Al Jazeera has reported".
    static let auxiliaries: Set<String> = [
        "has", "had", "have", "also", "earlier", "first", "previously", "originally", "later",
        "initially", "recently",
    ]

    /// Lower-case words that may join the capitalised words of one name.
    static let joiners: Set<String> = [
        "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le",
        "el", "al", "van", "von", "der", "den", "for", "the", "y", "e",
    ]

    /// Words ending a byline's name that say who at the outlet wrote it: "By Global Wire
    /// staff", "By X Staff Writer", "X reporters".
    static let roleWords: Set<String> = [
        "staff", "writer", "writers", "reporter", "reporters", "newsdesk", "desk", "correspondent",
        "correspondents", "team", "bureau", "editors", "editorial", "journalists",
    ]

    /// Words that can never be, or begin, a credited name: pronouns, determiners, generic
    /// sources, sentence adverbs, titles, months and week days.
    static let nonNames: Set<String> = [
        "i", "he", "she", "it", "we", "they", "you", "him", "her", "them", "his", "its", "their",
        "our", "my", "your", "this", "that", "these", "those", "there", "here", "who", "what",
        "which", "a", "an", "some", "many", "most", "all", "both", "each", "every", "several",
        "other", "others", "another", "any", "no", "none", "one", "such", "same", "the", "according",
        "officials", "official", "sources", "source", "media", "reports", "report", "police",
        "authorities", "witnesses", "residents", "analysts", "experts", "observers",
        "investigators", "data", "figures", "statistics", "estimates", "research", "researchers",
        "study", "studies", "documents", "government", "ministry", "people", "critics",
        "diplomats", "insiders", "aides", "reporters", "staff", "users", "fans", "staffers",
        "meanwhile", "however", "earlier", "later", "also", "but", "and", "so", "then", "now",
        "today", "yesterday", "separately", "still", "yet", "moreover", "furthermore",
        "additionally", "instead", "indeed", "elsewhere", "overall", "finally", "first", "again",
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "prime", "minister",
        "governor", "senator", "sen", "rep", "gen", "general", "chancellor", "king", "queen",
        "prince", "princess", "pope", "sir", "lord", "lady", "judge", "mayor", "secretary",
        "chairman", "chairwoman", "chair", "chief", "director", "ambassador", "spokesman",
        "spokeswoman", "spokesperson", "commissioner", "captain", "coach", "manager", "sheikh",
        "kremlin", "pentagon", "parliament", "congress", "court", "council", "department",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "us", "uk", "eu", "un", "nato", "ukraine", "russia",
        "china", "israel", "iran", "india", "america", "britain", "france", "germany",
        "photo", "photos", "picture", "pictured", "video", "videos", "file", "advertisement",
        "sponsored", "update", "updated", "opinion", "analysis", "editorial", "live", "listen",
        "comment", "comments", "share", "related", "more", "read", "click", "see", "above",
        "below", "left", "right", "top", "home", "next", "previous", "back", "continue",
        "copyright", "excerpted", "adapted", "blog", "blogs", "web", "page", "site", "number",
    ]

    /// Words that make any name containing them a person's or an institution's, not an
    /// outlet's ("Security Council Secretary Umerov reported").
    static let nonNameParts: Set<String> = [
        "mr", "mrs", "ms", "dr", "president", "minister", "governor", "senator", "secretary",
        "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson", "ambassador",
        "officials", "ministry", "police", "authorities", "government", "council", "department",
        "commission", "committee", "army", "forces", "military", "office", "court", "parliament",
        "party", "university", "institute", "research", "analysts", "bank", "staff",
    ]

    /// Whether a single word is a nationality or place adjective ("Russian", "Turkish"),
    /// which names no outlet on its own.
    static func isNationality(_ word: String) -> Bool {
        if mediaWords.contains(word) { return false }
        for suffix in ["ian", "ean", "ese", "ish", "ic", "i"] where word.hasSuffix(suffix) && word.count > 3 {
            return true
        }
        return ["thai", "french", "dutch", "greek", "swiss", "afghan", "arab", "western",
                "eastern", "local", "foreign", "state", "regional", "federal", "national"]
            .contains(word)
    }

    /// Whether `word` is a run-together media name ("newslink", "headlinenews").
    static func hasMediaAffix(_ word: String) -> Bool {
        guard word.count > 4 else { return false }
        return mediaAffixes.contains { word.hasPrefix($0) || word.hasSuffix($0) }
    }
}
