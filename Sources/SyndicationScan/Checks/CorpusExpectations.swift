import Foundation

/// Everything an expectation file states about a corpus's scan.
///
/// The file is JSON, in one of two forms:
/// - an array of pair expectations, `[{"a", "b", "relation", "score", "min", "max"}, …]`
///   (see ``PairExpectation``; every field but `a` and `b` optional; `relation` a name or an
///   array of names);
/// - an object with any of the keys `expectations` (that array), `independent` (ids that must
///   have no reuse relation with any document), `clusters` (`[{"members", "origin",
///   "external_source"}]`, see ``ClusterExpectation``) and `credits` (`{id: [outlet names]}`
///   each of which the document must credit) — the form of `Fixtures/seeds/expected.json`.
///
/// Unknown keys are errors, so that a misspelt field never passes silently.
public struct CorpusExpectations: Hashable, Sendable {
    /// Expectations on pairs, in file order.
    public var pairs: [PairExpectation]
    /// Documents that must reuse no copy: no pair with them has a reuse relation.
    public var independent: [String]
    /// Clusters the scan must find.
    public var clusters: [ClusterExpectation]
    /// Outlet names each document must credit, by document id.
    public var credits: [String: [String]]

    /// Expectations with the given parts.
    public init(
        pairs: [PairExpectation] = [], independent: [String] = [], clusters: [ClusterExpectation] = [],
        credits: [String: [String]] = [:]
    ) {
        self.pairs = pairs
        self.independent = independent
        self.clusters = clusters
        self.credits = credits
    }

    /// The number of checks these expectations make (one per pair, independent id, cluster
    /// and credited document).
    public var count: Int { pairs.count + independent.count + clusters.count + credits.count }
}

/// A cluster the scan must find: exactly these members, and where given, its origin and
/// common credited source.
public struct ClusterExpectation: Hashable, Sendable {
    /// The member ids (any order).
    public var members: [String]
    /// nil: not checked; `.some(nil)`: the cluster must name no origin; `.some(id)`: this origin.
    public var origin: String??
    /// nil: not checked; `.some(nil)`: no common credited source; `.some(name)`: this one.
    public var externalSource: String??

    /// An expectation with the given parts.
    public init(members: [String], origin: String?? = nil, externalSource: String?? = nil) {
        self.members = members
        self.origin = origin
        self.externalSource = externalSource
    }

    /// `cluster {001, 003}`.
    public var name: String {
        "cluster {" + members.sorted().joined(separator: ", ") + "}"
    }
}

/// An expectation file that cannot be used, with what is wrong and where.
public struct ExpectationFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the key path (`expectations[1].min`).
    public var message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

extension CorpusExpectations {
    /// Parses an expectation file's JSON.
    ///
    /// - Throws: ``ExpectationFileError`` naming the key path of the first problem: invalid
    ///   JSON, a missing `a` or `b`, a wrong type, an unknown relation or score, an unknown key.
    public init(json data: Data) throws {
        do {
            self = try JSONDecoder().decode(ExpectationFile.self, from: data).expectations
        } catch let error as DecodingError {
            throw ExpectationFileError(Self.describe(error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the file" : text
        }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(Self.typeName(type))"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "the file is not valid JSON" }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type: return "a number"
        case is [String].Type: return "an array of strings"
        default: return "a value of another type (\(type))"
        }
    }
}
