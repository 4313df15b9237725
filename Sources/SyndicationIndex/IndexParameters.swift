import Foundation
import SyndicationEngine
import SyndicationScan

/// Everything that decides what an index stores: the scan settings, the sketch formats, the
/// document LSH banding and the sentence-fingerprint settings. An index records the
/// parameters it was built with; opening it with others is refused (keys and signatures made
/// under different settings never match, so mixing them would silently miss copy).
public struct IndexParameters: Codable, Hashable, Sendable {
    /// The index format this build writes.
    public static let currentFormat = "syndetect-index/1"
    /// The ``lshSignature`` this build uses: the words outside template lines.
    public static let bandedOutsideTemplate = "outside-template-lines"

    /// The index format tag.
    public var format: String
    /// The scan settings (thread count excluded: results do not depend on it).
    public var scan: ScanParameters
    /// The MinHash signature format version.
    public var minhashFormatVersion: Int
    /// The document LSH banding.
    public var lsh: LSHParameters
    /// Document LSH buckets holding more documents than this yield no candidates.
    public var lshMaximumBucketSize: Int
    /// What the document LSH bands: ``bandedOutsideTemplate``, the signature of a document's
    /// words outside its template lines, as `CorpusScanner` bands it. Indexes made before this
    /// setting existed banded whole texts; they lack it and are refused on open (rebuild them).
    public var lshSignature: String
    /// The sentence-fingerprint settings.
    public var fingerprints: FingerprintSettings

    /// The parameters for scans made with `scan` and the default fingerprints.
    public init(scan: ScanParameters = ScanParameters()) {
        var scan = scan
        scan.threads = 0
        let stages = IncrementalScan(parameters: scan)
        self.format = Self.currentFormat
        self.scan = scan
        self.minhashFormatVersion = MinHashParameters.currentFormatVersion
        self.lsh = stages.lshParameters
        self.lshMaximumBucketSize = 1_000
        self.lshSignature = Self.bandedOutsideTemplate
        self.fingerprints = FingerprintSettings(stages.fingerprints)
    }

    /// Sentence-fingerprint settings (`PassageFingerprints`) as stored.
    public struct FingerprintSettings: Codable, Hashable, Sendable {
        /// Bands per sentence.
        public var bandCount: Int
        /// Minima per band.
        public var rowsPerBand: Int
        /// Sentences shorter than this are not sketched.
        public var minimumWords: Int
        /// Share of sampled sentences a shingle must be in to be common.
        public var commonShingleShare: Double
        /// Distinct colliding sentence pairs that make two documents candidates.
        public var minimumCollisions: Int
        /// Buckets holding more sentences than this are skipped.
        public var maximumBucketSize: Int
        /// Documents sampled to find common shingles.
        public var sampleSize: Int
        /// Sentences of more words than this are fingerprinted as pieces
        /// (``SentencePieces/maximumWords``), and their postings number the pieces. Indexes
        /// made before sentences were cut lack this setting and are refused on open: their
        /// keys and sentence numbers differ for every long sentence (rebuild them).
        public var sentencePieceWords: Int
        /// Words per piece of a cut sentence (``SentencePieces/pieceWords``).
        public var pieceWords: Int

        /// The settings of `fingerprints`.
        public init(_ fingerprints: PassageFingerprints) {
            bandCount = fingerprints.bandCount
            rowsPerBand = fingerprints.rowsPerBand
            minimumWords = fingerprints.minimumWords
            commonShingleShare = fingerprints.commonShingleShare
            minimumCollisions = fingerprints.minimumCollisions
            maximumBucketSize = fingerprints.maximumBucketSize
            sampleSize = fingerprints.sampleSize
            sentencePieceWords = SentencePieces.maximumWords
            pieceWords = SentencePieces.pieceWords
        }

        enum CodingKeys: String, CodingKey {
            case bandCount = "band_count", rowsPerBand = "rows_per_band", minimumWords = "minimum_words"
            case commonShingleShare = "common_shingle_share", minimumCollisions = "minimum_collisions"
            case maximumBucketSize = "maximum_bucket_size", sampleSize = "sample_size"
            case sentencePieceWords = "sentence_piece_words", pieceWords = "piece_words"
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, scan
        case minhashFormatVersion = "minhash_format_version"
        case lsh
        case lshMaximumBucketSize = "lsh_maximum_bucket_size"
        case lshSignature = "lsh_signature"
        case fingerprints
    }

    /// The parameters as sorted JSON, as stored in the index.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// The settings that differ between `stored` (the index's) and these, as
    /// `name: stored → wanted` lines, by their JSON names; empty when they agree.
    func differences(from stored: Data) -> [String] {
        guard let wanted = try? JSONSerialization.jsonObject(with: encoded()) as? [String: Any],
              let had = try? JSONSerialization.jsonObject(with: stored) as? [String: Any] else {
            return ["the stored parameters cannot be read"]
        }
        var result: [String] = []
        func compare(_ left: Any?, _ right: Any?, path: String) {
            if let left = left as? [String: Any], let right = right as? [String: Any] {
                for key in Set(left.keys).union(right.keys).sorted() {
                    compare(left[key], right[key], path: path.isEmpty ? key : path + "." + key)
                }
                return
            }
            let l = left.map { "\($0)" } ?? "absent", r = right.map { "\($0)" } ?? "absent"
            if l != r { result.append("\(path): index has \(l), this run uses \(r)") }
        }
        compare(had, wanted, path: "")
        return result
    }
}
