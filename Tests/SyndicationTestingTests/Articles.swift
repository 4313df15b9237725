import Foundation

/// Test articles: a wire story, its copies, an unrelated story, and the seed pages.
enum Articles {
    static let wire = """
        Harbour authorities in Port Elwin closed the northern shipping channel on Tuesday after a \
        cargo vessel lost power and drifted onto a sandbank, officials said. The Marisol, a \
        190-metre container ship carrying timber and machinery, ran aground shortly before dawn \
        while waiting for a pilot to guide it into port. No injuries were reported among the 22 \
        crew members, and the coastguard said there was no sign of fuel leaking into the water. \
        Two tugboats tried to pull the vessel free at high tide but failed, and salvage engineers \
        are now assessing whether part of the cargo must be unloaded first. The closure has left \
        at least fourteen ships waiting at anchor outside the harbour, and port managers warned \
        that delays could last until the weekend. Local fishing crews were told to avoid the area \
        while the operation continues. The shipping company said it was cooperating fully with \
        the investigation into why the engines failed.
        """

    /// The wire story republished whole, with one credit line added.
    static let republished = wire + "\nThis story was first published by the Coastal Wire service."

    /// The wire story lightly edited in house style, its last two sentences dropped, a local
    /// paragraph added.
    static let edited = """
        Port authorities in Port Elwin shut the northern shipping channel on Tuesday after a \
        cargo vessel lost power and drifted onto a sandbank, officials said. The Marisol, a \
        190-metre container ship carrying timber and machinery, ran aground shortly before dawn \
        while it was waiting for a pilot to guide it into port. No injuries were reported among \
        the 22 crew members, and the coastguard said there was no sign of fuel leaking into the \
        water. Two tugboats tried to pull the vessel free at high tide but failed, and salvage \
        engineers are now assessing whether part of the cargo must be unloaded first. The closure \
        has left at least fourteen ships waiting at anchor outside the harbour, and port managers \
        warned that delays could last until the weekend.
        Residents of the old town said they had watched the tugboats from the sea wall all \
        afternoon, and the ferry to Kessel Island ran an hour late.
        """

    /// A story with nothing in common with the others.
    static let unrelated = """
        The city library on Alder Street reopened on Monday after an eighteen-month renovation \
        that added a children's reading garden, a recording studio and solar panels on the roof. \
        Librarians said more than two thousand people visited on the first day, many of them \
        families who had missed the weekly story hour. The building, which dates from 1911, had \
        been closed after inspectors found damp in the basement archive. Volunteers spent the \
        summer moving rare maps and parish records to a temporary store across the river. The \
        council plans to extend opening hours on Sundays from next month if staffing allows.
        """

    /// A sentence of ``wire`` that ``edited`` keeps unchanged.
    static let keptPassage = "Two tugboats tried to pull the vessel free at high tide but failed"

    /// A sentence of ``wire`` that ``edited`` drops.
    static let droppedPassage = "Local fishing crews were told to avoid the area while the operation continues."

    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds")

    /// The seed page whose name starts with `prefix` (`"001"`).
    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
        guard let name = names.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
    }
}
