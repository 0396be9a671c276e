/** The admin's static pages: each is the same shell; `data-page` picks the screen. */
export const PAGES: Record<string, { page: string; title: string }> = {
  'index.html': { page: 'dashboard', title: 'Resumen' },
  'sign-in.html': { page: 'sign-in', title: 'Entrar' },
  'products.html': { page: 'products', title: 'Productos' },
  'product.html': { page: 'product', title: 'Producto' },
  'import.html': { page: 'import', title: 'Importar CSV' },
  'inventory.html': { page: 'inventory', title: 'Inventario' },
  'orders.html': { page: 'orders', title: 'Pedidos' },
  'order.html': { page: 'order', title: 'Pedido' },
  'settings.html': { page: 'settings', title: 'Ajustes' },
  'newsletter.html': { page: 'newsletter', title: 'Boletín' },
  'production.html': { page: 'production', title: 'Producción' },
  'odoo.html': { page: 'odoo', title: 'Odoo' },
};

export function pageHtml(file: string): string {
  const { page, title } = PAGES[file]!;
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · Kontá</title>
<link rel="stylesheet" href="admin.css">
<script type="module" src="admin.js"></script>
</head>
<body data-page="${page}">
<main id="main"><h1>${title}</h1><p>Cargando… / Loading…</p></main>
</body>
</html>
`;
}
