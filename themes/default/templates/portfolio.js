// portico portfolio: sort the table in place by clicking a column heading.
// Without JavaScript the headings that have a view of their own link to it; this only adds
// sorting by every column, without changing any text on the page.
(() => {
  const table = document.querySelector('.portfolio-table');
  if (!table) return;
  const heads = [...table.querySelectorAll('thead th[data-sort]')];
  const value = (row, index, numeric) => {
    const cell = row.children[index];
    const raw = cell ? cell.dataset.value ?? cell.textContent.trim() : '';
    return numeric ? Number(raw) : raw;
  };
  heads.forEach((th, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent.trim();
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const numeric = th.dataset.sort === 'number';
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      for (const body of table.tBodies) {
        const rows = [...body.rows].filter((r) => !r.classList.contains('group'));
        rows.sort((a, b) => {
          const x = value(a, index, numeric);
          const y = value(b, index, numeric);
          const order = numeric ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        body.append(...rows);
      }
    });
  });
})();
