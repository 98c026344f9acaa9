// Each figure image opens full size: it becomes a link to its own file (the PNG is stored
// at twice the resolution it is shown at, so the full-size view is sharp on a phone).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("main img").forEach(function (img) {
    if (img.closest("a") || !img.getAttribute("src")) return;
    var link = document.createElement("a");
    link.href = img.getAttribute("src");
    link.className = "sinorus-full-size";
    link.title = "Open the figure full size";
    img.parentNode.insertBefore(link, img);
    link.appendChild(img);
  });
});
