package dev.hardening.auditor.core.clients.pypi;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * PyPI's answer to the XML-RPC call {@code user_packages(username)}: an array of
 * {@code [role_name, project_name]} pairs (Warehouse {@code legacy/api/xmlrpc}), or a {@code <fault>}.
 * The JDK's StAX reader with DTDs and external entities off reads it: XML-RPC needs four element
 * names, and the Java XML-RPC libraries are unmaintained, so a small reader is safer than a dependency.
 */
final class UserPackagesResponse {
    /** A user with more projects than this is not a maintainer account the audit can cover anyway. */
    static final int MAX_PROJECTS = 10_000;

    private UserPackagesResponse() {
    }

    /**
     * The user's projects with their role, in PyPI's order.
     *
     * @throws MalformedResponse with a message fit for the user (never the body)
     */
    static List<PyPIUserProject> parse(byte[] body) throws MalformedResponse {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        List<PyPIUserProject> pairs = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            int arrayDepth = 0;
            boolean sawResponse = false;
            boolean sawParams = false;
            List<String> pair = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new MalformedResponse("the XML-RPC answer carries a DTD");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "methodResponse" -> sawResponse = true;
                        case "fault" -> throw new MalformedResponse("PyPI answered with an XML-RPC fault" + faultString(xml));
                        case "params" -> sawParams = true;
                        case "array" -> arrayDepth++;
                        case "string" -> {
                            if (arrayDepth == 2) {
                                pair.add(xml.getElementText().strip());
                            }
                        }
                        default -> {
                            // <param>, <value>, <data>: structure only.
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("array")) {
                    if (arrayDepth == 2) {
                        if (pair.size() != 2 || pair.get(1).isEmpty()) {
                            throw new MalformedResponse("an entry of the XML-RPC answer is not a [role, project] pair");
                        }
                        pairs.add(new PyPIUserProject(pair.get(0), pair.get(1)));
                        if (pairs.size() > MAX_PROJECTS) {
                            throw new MalformedResponse("the XML-RPC answer lists more than " + MAX_PROJECTS + " projects");
                        }
                        pair = new ArrayList<>();
                    }
                    arrayDepth--;
                }
            }
            if (!sawResponse || !sawParams) {
                throw new MalformedResponse("the answer is not an XML-RPC methodResponse");
            }
            return List.copyOf(pairs);
        } catch (XMLStreamException e) {
            throw new MalformedResponse("the XML-RPC answer is not well-formed XML (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()) + ")");
        }
    }

    private static String faultString(XMLStreamReader xml) throws XMLStreamException {
        // <fault><value><struct><member><name>faultString</name><value><string>…</string></value></member>…
        String lastName = "";
        int depth = 1;
        while (xml.hasNext() && depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (xml.getLocalName().equals("name")) {
                    lastName = xml.getElementText().strip();
                    depth--;
                } else if (xml.getLocalName().equals("string") && lastName.equals("faultString")) {
                    String text = xml.getElementText().strip();
                    return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return "";
    }

    /** The answer could not be read; the message names why. */
    static final class MalformedResponse extends Exception {
        MalformedResponse(String message) {
            super(message);
        }
    }
}
