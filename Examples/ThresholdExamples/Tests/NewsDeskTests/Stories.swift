/// Stories the tests feed the desk.
enum Stories {
    static let wire = """
        Harbour authorities in Port Elwin closed the northern shipping channel on Tuesday after a \
        cargo vessel lost power and drifted onto a sandbank, officials said. The Marisol, a \
        190-metre container ship carrying timber and machinery, ran aground shortly before dawn \
        while waiting for a pilot to guide it into port. No injuries were reported among the 22 \
        crew members, and the coastguard said there was no sign of fuel leaking into the water. \
        Two tugboats tried to pull the vessel free at high tide but failed, and salvage engineers \
        are now assessing whether part of the cargo must be unloaded first. The closure has left \
        at least fourteen ships waiting at anchor outside the harbour, and port managers warned \
        that delays could last until the weekend, when freight volumes usually rise by 12 per cent. \
        Local fishing crews were told to avoid the area while the operation continues. The \
        shipping company said it was cooperating fully with the investigation into why the \
        engines failed.
        """

    static let library = """
        The city library on Alder Street reopened on Monday after an eighteen-month renovation \
        that added a children's reading garden, a recording studio and solar panels on the roof. \
        Librarians said more than two thousand people visited on the first day, many of them \
        families who had missed the weekly story hour. The building, which dates from 1911, had \
        been closed after inspectors found damp in the basement archive. Volunteers spent the \
        summer moving rare maps and parish records to a temporary store across the river. The \
        council plans to extend opening hours on Sundays from next month if staffing allows.
        """

    /// Whether the deliberately false expectations run (`SYNDETECT_EXAMPLE_FAIL=1`).
    static var showFailures: Bool {
        // getenv keeps the example free of Foundation.
        guard let value = getenv("SYNDETECT_EXAMPLE_FAIL") else { return false }
        return String(cString: value) == "1"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
