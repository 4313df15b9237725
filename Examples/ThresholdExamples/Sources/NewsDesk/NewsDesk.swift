/// A toy publishing pipeline: the text transformations whose reuse the tests bound.
public enum NewsDesk {
    /// The wire story as published, with a credit line added.
    public static func republish(_ story: String, credit outlet: String) -> String {
        story + "\n\nThis story was first published by \(outlet)."
    }

    /// The story in house style: words the house spells differently replaced, nothing else.
    public static func houseStyle(_ story: String) -> String {
        let replacements = [("per cent", "%"), ("harbour", "harbor"), ("Harbour", "Harbor"), ("metre", "meter")]
        return replacements.reduce(story) { text, pair in text.replacing(pair.0, with: pair.1) }
    }

    /// The first `count` sentences of the story, as a teaser.
    public static func teaser(_ story: String, sentences count: Int) -> String {
        var sentences: [Substring] = []
        var start = story.startIndex
        for index in story.indices where story[index] == "." && sentences.count < count {
            sentences.append(story[start...index])
            start = story.index(after: index)
        }
        return sentences.map { $0.trimmingPrefix(" ") }.joined(separator: " ")
    }
}
