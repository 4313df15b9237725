/// The JSON shapes of an expectation file, decoded strictly: unknown keys are errors.
struct ExpectationFile: Decodable {
    var expectations: CorpusExpectations

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var pairs: [PairExpectation] = []
            while !array.isAtEnd { pairs.append(try array.decode(PairEntry.self).expectation) }
            expectations = CorpusExpectations(pairs: pairs)
            return
        }
        let container = try decoder.container(keyedBy: AnyKey.self)
        try container.rejectUnknownKeys(["expectations", "independent", "clusters", "credits"])
        expectations = CorpusExpectations(
            pairs: try container.decodeIfPresent([PairEntry].self, forKey: AnyKey("expectations"))?.map(\.expectation) ?? [],
            independent: try container.decodeIfPresent([String].self, forKey: AnyKey("independent")) ?? [],
            clusters: try container.decodeIfPresent([ClusterEntry].self, forKey: AnyKey("clusters"))?.map(\.expectation) ?? [],
            credits: try container.decodeIfPresent([String: [String]].self, forKey: AnyKey("credits")) ?? [:])
    }

    /// `{"a", "b", "relation", "score", "min", "max"}`.
    struct PairEntry: Decodable {
        var expectation: PairExpectation

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            try container.rejectUnknownKeys(["a", "b", "relation", "score", "min", "max"])
            let relationKey = AnyKey("relation")
            var relations: [ExpectedRelation]?
            if container.contains(relationKey), try !container.decodeNil(forKey: relationKey) {
                let names = try (try? container.decode([String].self, forKey: relationKey))
                    ?? [container.decode(String.self, forKey: relationKey)]
                relations = try names.map { name in
                    guard let relation = ExpectedRelation(name) else {
                        throw DecodingError.dataCorruptedError(
                            forKey: relationKey, in: container,
                            debugDescription: "unknown relation '\(name)'; use one of \(ExpectedRelation.names.joined(separator: ", "))")
                    }
                    return relation
                }
                if relations?.isEmpty == true {
                    throw DecodingError.dataCorruptedError(
                        forKey: relationKey, in: container, debugDescription: "an empty list accepts no relation")
                }
            }
            var score = ReportScore.coverage
            if let name = try container.decodeIfPresent(String.self, forKey: AnyKey("score")) {
                guard let named = ReportScore(rawValue: name) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: AnyKey("score"), in: container,
                        debugDescription: "unknown score '\(name)'; use one of \(ReportScore.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                score = named
            }
            let minimum = try container.decodeIfPresent(Double.self, forKey: AnyKey("min"))
            let maximum = try container.decodeIfPresent(Double.self, forKey: AnyKey("max"))
            if let minimum, let maximum, minimum > maximum {
                throw DecodingError.dataCorruptedError(
                    forKey: AnyKey("min"), in: container, debugDescription: "min \(minimum) is above max \(maximum)")
            }
            expectation = PairExpectation(
                a: try container.decode(String.self, forKey: AnyKey("a")),
                b: try container.decode(String.self, forKey: AnyKey("b")),
                relations: relations, score: score, minimum: minimum, maximum: maximum)
        }
    }

    /// `{"members", "origin", "external_source"}`; a key given as `null` means "none".
    struct ClusterEntry: Decodable {
        var expectation: ClusterExpectation

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            try container.rejectUnknownKeys(["members", "origin", "external_source"])
            func optional(_ name: String) throws -> String?? {
                let key = AnyKey(name)
                guard container.contains(key) else { return nil }
                return .some(try container.decodeIfPresent(String.self, forKey: key))
            }
            expectation = ClusterExpectation(
                members: try container.decode([String].self, forKey: AnyKey("members")),
                origin: try optional("origin"), externalSource: try optional("external_source"))
        }
    }
}

/// Any string key, so a container can list and refuse the keys it does not know.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension KeyedDecodingContainer where Key == AnyKey {
    /// Throws for the first key (in sorted order) not in `known`.
    func rejectUnknownKeys(_ known: Set<String>) throws {
        if let unknown = allKeys.map(\.stringValue).filter({ !known.contains($0) }).sorted().first {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey(unknown), in: self,
                debugDescription: "unknown key; expected \(known.sorted().joined(separator: ", "))")
        }
    }
}
