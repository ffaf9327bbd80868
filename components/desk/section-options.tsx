/** The newsroom's sections as the options of a select, in the order the admin set. */
export function SectionOptions({ sections }: { sections: { id: string; name: string }[] }) {
  return sections.map((section) => (
    <option key={section.id} value={section.id}>
      {section.name}
    </option>
  ));
}
