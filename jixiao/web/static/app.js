// The workbench's only script besides htmx: a chosen file's name beside its "选择文件" button.
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
  const shown = input.closest("form")?.querySelector(".filename");
  if (shown) shown.textContent = input.files.length ? input.files[0].name : "未选择文件";
});
